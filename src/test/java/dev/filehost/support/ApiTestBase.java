package dev.filehost.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filehost.account.User;
import dev.filehost.admin.Actor;
import dev.filehost.auth.ApiKeys;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/** Runs each API test class once on SQLite and once on PostgreSQL, against one server per run. */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"sqlite", "postgresql"})
public abstract class ApiTestBase {
    private static final AtomicInteger USERS = new AtomicInteger();

    protected static TestServer server;

    @Parameter
    String database;

    /** One server for all tests of a class on one database, started by the first of them. */
    @BeforeEach
    void startServer() {
        if (server == null) {
            server = TestServer.start(database, serverEnvironment());
        }
    }

    /** FILEHOST_* settings of this class's server. */
    protected Map<String, String> serverEnvironment() {
        return Map.of();
    }

    @AfterParameterizedClassInvocation
    static void stopServer() throws IOException {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    protected static ApiClient api() {
        return server.client();
    }

    /** A new account with a key pair, in the given package. */
    protected static NewUser newUser(String packageRef) {
        String username = "user" + USERS.incrementAndGet();
        String password = "pw-" + username;
        User user = server.app().components().userAdmin().add(Actor.cli(), username, password, username + "@example.test", packageRef);
        ApiKeys.KeyPair keys = server.app().components().userAdmin().newKeys(Actor.cli(), username);
        return new NewUser(user.id(), username, password, keys);
    }

    protected static Session signIn(NewUser user) {
        ApiReply reply = api().post("authorize", ApiClient.params("key1", user.keys().key1(), "key2", user.keys().key2()));
        assertThat(reply.isSuccess()).as(reply.body()).isTrue();
        return new Session(api(), reply.data().path("access_token").asText(), reply.data().path("account_id").asText());
    }

    protected static Session signInNewUser() {
        return signIn(newUser("1"));
    }

    public record NewUser(long id, String username, String password, ApiKeys.KeyPair keys) {
    }
}
