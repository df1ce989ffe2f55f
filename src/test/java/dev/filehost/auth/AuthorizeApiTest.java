package dev.filehost.auth;

import static dev.filehost.support.ApiClient.params;
import static org.assertj.core.api.Assertions.assertThat;

import dev.filehost.admin.Actor;
import dev.filehost.support.ApiReply;
import dev.filehost.support.ApiTestBase;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthorizeApiTest extends ApiTestBase {
    private static final String KEY1 = "Please provide key1. It must be 64 characters in length.";
    private static final String KEY2 = "Please provide key2. It must be 64 characters in length.";
    private static final String KEYS_REJECTED = "Could not authenticate user. The key pair may be invalid or your "
            + "account may be locked from too many failed logins.";
    private static final String PASSWORD_REJECTED = "Could not authenticate user. The username and password may be "
            + "invalid or your account may be locked from too many failed logins.";

    @Test
    void keyPairGivesA128CharacterTokenAndTheAccountIdAsString() {
        NewUser user = newUser("1");
        ApiReply reply = api().post("authorize", params("key1", user.keys().key1(), "key2", user.keys().key2()));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.isSuccess()).isTrue();
        assertThat(reply.data().path("access_token").asText()).matches("[A-Za-z0-9]{128}");
        assertThat(reply.data().path("account_id").isTextual()).isTrue();
        assertThat(reply.data().path("account_id").asText()).isEqualTo(Long.toString(user.id()));
        assertThat(reply.json().path("_datetime").asText()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
        assertThat(reply.json().fieldNames()).toIterable().containsExactly("data", "_status", "_datetime");
    }

    @Test
    void getAndMultipartWorkLikePost() {
        NewUser user = newUser("1");
        Map<String, String> keys = params("key1", user.keys().key1(), "key2", user.keys().key2());

        assertThat(api().get("authorize", keys).isSuccess()).isTrue();
        assertThat(api().multipart("authorize", keys).isSuccess()).isTrue();
    }

    @Test
    void valuesAreTrimmed() {
        NewUser user = newUser("1");
        ApiReply reply = api().post("authorize",
                params("key1", "  " + user.keys().key1() + "\n", "key2", "\t" + user.keys().key2() + " "));

        assertThat(reply.isSuccess()).as(reply.body()).isTrue();
    }

    @Test
    void missingOrMalformedKeysAreNamed() {
        NewUser user = newUser("1");

        assertThat(api().post("authorize", params()).message()).isEqualTo(KEY1);
        assertThat(api().post("authorize", params("key2", user.keys().key2())).message()).isEqualTo(KEY1);
        assertThat(api().post("authorize", params("key1", "short", "key2", user.keys().key2())).message()).isEqualTo(KEY1);
        assertThat(api().post("authorize", params("key1", user.keys().key1())).message()).isEqualTo(KEY2);
        assertThat(api().post("authorize", params("key1", user.keys().key1(), "key2", "x".repeat(65))).message())
                .isEqualTo(KEY2);
        assertThat(api().post("authorize", params("key1", user.keys().key1(), "key2", "!".repeat(64))).message())
                .isEqualTo(KEY2);
    }

    @Test
    void wrongKeysGetTheGenericErrorEnvelope() {
        NewUser user = newUser("1");
        ApiReply reply = api().post("authorize", params("key1", user.keys().key1(), "key2", "a".repeat(64)));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.isError()).isTrue();
        assertThat(reply.message()).isEqualTo(KEYS_REJECTED);
        assertThat(reply.json().fieldNames()).toIterable().containsExactly("status", "response", "_status", "_datetime");
        assertThat(api().post("authorize", params("key1", "b".repeat(64), "key2", "a".repeat(64))).message())
                .isEqualTo(KEYS_REJECTED);
    }

    @Test
    void usernameAndPasswordSignIn() {
        NewUser user = newUser("1");

        ApiReply reply = api().post("authorize", params("username", user.username(), "password", user.password()));
        assertThat(reply.isSuccess()).as(reply.body()).isTrue();
        assertThat(reply.data().path("account_id").asText()).isEqualTo(Long.toString(user.id()));

        assertThat(api().post("authorize", params("username", user.username(), "password", "wrong")).message())
                .isEqualTo(PASSWORD_REJECTED);
        assertThat(api().post("authorize", params("username", "nobody-here", "password", "x")).message())
                .isEqualTo(PASSWORD_REJECTED);
        assertThat(api().post("authorize", params("username", "x".repeat(1000), "password", "x")).message())
                .isEqualTo(PASSWORD_REJECTED);
    }

    @Test
    void missingUsernameOrPasswordIsNamed() {
        assertThat(api().post("authorize", params("username", "", "password", "x")).message())
                .isEqualTo("Please provide a username.");
        assertThat(api().post("authorize", params("username", "someone")).message())
                .isEqualTo("Please provide a password.");
    }

    @Test
    void packagesWithoutApiAccessAreRefusedAfterTheCredentialsCheck() {
        NewUser guest = newUser("Guest");
        ApiReply reply = api().post("authorize", params("key1", guest.keys().key1(), "key2", guest.keys().key2()));

        assertThat(reply.message()).isEqualTo("Your account level does not have access to the file upload API. "
                + "Please contact site support for more information.");
        assertThat(api().post("authorize", params("key1", guest.keys().key1(), "key2", "z".repeat(64))).message())
                .isEqualTo(KEYS_REJECTED);
    }

    @Test
    void disabledAccountsCannotSignIn() {
        NewUser user = newUser("1");
        server.app().components().userAdmin().set(Actor.cli(), user.username(), "status", "disabled");

        assertThat(api().post("authorize", params("key1", user.keys().key1(), "key2", user.keys().key2())).message())
                .isEqualTo(KEYS_REJECTED);
    }

    @Test
    void newKeysReplaceTheOldPair() {
        NewUser user = newUser("1");
        var fresh = server.app().components().userAdmin().newKeys(Actor.cli(), user.username());

        assertThat(api().post("authorize", params("key1", user.keys().key1(), "key2", user.keys().key2())).message())
                .isEqualTo(KEYS_REJECTED);
        assertThat(api().post("authorize", params("key1", fresh.key1(), "key2", fresh.key2())).isSuccess()).isTrue();
    }
}
