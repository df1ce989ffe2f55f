package dev.filehost.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filehost.account.User;
import dev.filehost.admin.Actor;
import dev.filehost.support.MutableClock;
import dev.filehost.support.TestServer;
import java.io.IOException;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** Website sessions as two nodes sharing one database see them. */
class WebSessionsTest {

    @Test
    void aSessionEndedOnOneNodeIsRefusedThereAtOnceAndOnTheOtherWithinASecond() throws IOException {
        try (TestServer server = TestServer.start("sqlite")) {
            User grace = server.app().components().userAdmin().add(Actor.cli(), "grace", "grace-pass", null, "1");
            Jdbi jdbi = server.app().components().database().jdbi();
            WebSessions nodeA = node(jdbi, server.clock());
            WebSessions nodeB = node(jdbi, server.clock());
            String secret = nodeA.start(grace.id(), "127.0.0.1", "test");
            WebSession session = nodeA.find(secret).orElseThrow();
            assertThat(nodeB.find(secret)).isPresent();

            nodeA.end(session.id(), grace.id());

            assertThat(nodeA.find(secret)).isEmpty();
            // Node B read the session less than a second ago and does not ask again before the second is up.
            assertThat(nodeB.find(secret)).isPresent();
            server.clock().advance(Duration.ofSeconds(1));
            assertThat(nodeB.find(secret)).isEmpty();
        }
    }

    @Test
    void aSessionInUseStaysAndOneLeftIdleLapses() throws IOException {
        try (TestServer server = TestServer.start("sqlite")) {
            User grace = server.app().components().userAdmin().add(Actor.cli(), "grace", "grace-pass", null, "1");
            WebSessions sessions = node(server.app().components().database().jdbi(), server.clock());
            String secret = sessions.start(grace.id(), "127.0.0.1", "test");

            server.clock().advance(Duration.ofMinutes(30).minusMillis(1));
            assertThat(sessions.find(secret)).as("renewed just before it lapsed").isPresent();
            server.clock().advance(Duration.ofMinutes(30).minusMillis(1));
            assertThat(sessions.find(secret)).as("renewed again").isPresent();
            server.clock().advance(Duration.ofMinutes(30));
            assertThat(sessions.find(secret)).isEmpty();
        }
    }

    private static WebSessions node(Jdbi jdbi, MutableClock clock) {
        AccessTokens tokens = new AccessTokens(new AccessTokenRepository(jdbi), clock, Duration.ofHours(1), 10);
        return new WebSessions(new WebSessionRepository(jdbi), tokens, clock, Duration.ofMinutes(30));
    }
}
