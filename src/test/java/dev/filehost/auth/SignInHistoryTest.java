package dev.filehost.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filehost.admin.Actor;
import dev.filehost.support.ApiClient;
import dev.filehost.support.TestServer;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What the sign-in history keeps, and for how long. */
class SignInHistoryTest {

    @Test
    void signInsAreKeptForTheRetentionThenPruned() throws IOException {
        try (TestServer server = TestServer.start("sqlite")) {
            server.app().components().userAdmin().add(Actor.cli(), "frank", "frank-pass", null, "1");
            server.client().post("authorize", ApiClient.params("username", "frank", "password", "frank-pass"));
            server.client().post("authorize", ApiClient.params("username", "nobody", "password", "x"));
            SignInHistory history = server.app().components().signInHistory();

            server.clock().advance(SignInHistory.RETENTION.minusMinutes(1));
            int keptAtTheEdge = history.prune();
            server.clock().advance(Duration.ofMinutes(2));
            int pruned = history.prune();

            assertThat(keptAtTheEdge).isZero();
            assertThat(pruned).isEqualTo(1);
            assertThat(server.app().components().userAdmin().signIns("frank")).isEmpty();
        }
    }
}
