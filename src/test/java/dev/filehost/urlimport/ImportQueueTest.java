package dev.filehost.urlimport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.filehost.admin.Actor;
import dev.filehost.support.ApiTestBase;
import dev.filehost.support.Session;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The queue without workers on this node: claims, a dead node's items, and cancelling. */
class ImportQueueTest extends ApiTestBase {

    @Override
    protected Map<String, String> serverEnvironment() {
        return Map.of("FILEHOST_URL_IMPORT_WORKERS", "0");
    }

    /** The tests share one queue: each starts with nothing left to claim. */
    @BeforeEach
    void emptyTheQueue() {
        var imports = server.app().components().imports();
        imports.recent(null, 1000).forEach(item -> imports.cancel(item.id()));
    }

    private static ImportRepository queue() {
        var database = server.app().components().database();
        return new ImportRepository(database.jdbi(), database.isPostgres());
    }

    private static long add(Session session, String url) {
        return session.call("file/url_upload_add", "file_url_base64", UrlImportApiTest.base64(url))
                .data().path("scheduled_item_id").asLong();
    }

    private static JsonNode status(Session session, long id) {
        return session.call("file/url_upload_status", "scheduled_item_id", Long.toString(id)).data();
    }

    @Test
    void anItemOfADeadNodeGoesBackToTheQueueThenFailsAfterTooManyAttempts() {
        Session session = signInNewUser();
        long id = add(session, "https://files.example.com/big.iso");
        assertThat(status(session, id).path("status").asText()).isEqualTo("pending");

        for (int attempt = 1; attempt <= ImportWorkers.MAX_ATTEMPTS; attempt++) {
            long now = server.clock().millis();
            assertThat(queue().claimNext("dead-node", now)).hasValueSatisfying(item -> assertThat(item.id()).isEqualTo(id));
            assertThat(status(session, id).path("status").asText()).isEqualTo("downloading");
            server.clock().advance(ImportWorkers.ABANDONED_AFTER.plusSeconds(1));
            queue().recoverAbandoned(server.clock().millis() - ImportWorkers.ABANDONED_AFTER.toMillis(),
                    ImportWorkers.MAX_ATTEMPTS, server.clock().millis());
            String expected = attempt < ImportWorkers.MAX_ATTEMPTS ? "pending" : "failed";
            assertThat(status(session, id).path("status").asText()).isEqualTo(expected);
        }
        assertThat(status(session, id).path("notes").asText()).contains("interrupted");
    }

    @Test
    void aLiveItemIsNotTakenFromItsNode() {
        Session session = signInNewUser();
        long id = add(session, "https://files.example.com/live.iso");
        queue().claimNext("live-node", server.clock().millis());
        server.clock().advance(Duration.ofSeconds(30));

        queue().recoverAbandoned(server.clock().millis() - ImportWorkers.ABANDONED_AFTER.toMillis(),
                ImportWorkers.MAX_ATTEMPTS, server.clock().millis());

        assertThat(status(session, id).path("status").asText()).isEqualTo("downloading");
        assertThat(queue().claimNext("other-node", server.clock().millis())).isEmpty();
    }

    @Test
    void theAccountsRemoteUrlSlotsBoundWhatRunsAtOnce() {
        server.app().components().packageAdmin().set(Actor.cli(), "Free Account", "max_remote_download_urls", "1");
        try {
            Session session = signInNewUser();
            add(session, "https://files.example.com/one.iso");
            add(session, "https://files.example.com/two.iso");

            assertThat(queue().claimNext("node", server.clock().millis())).isPresent();
            assertThat(queue().claimNext("node", server.clock().millis())).isEmpty();
        } finally {
            server.app().components().packageAdmin().set(Actor.cli(), "Free Account", "max_remote_download_urls", "5");
        }
    }

    @Test
    void cancellingEndsAnUnfinishedItemOnly() {
        Session session = signInNewUser();
        long id = add(session, "https://files.example.com/cancel.iso");

        assertThat(server.app().components().imports().cancel(id)).isTrue();
        assertThat(status(session, id).path("status").asText()).isEqualTo("cancelled");
        assertThat(status(session, id).path("finished").isTextual()).isTrue();
        assertThat(server.app().components().imports().cancel(id)).isFalse();
        assertThat(add(session, "https://files.example.com/cancel.iso")).isNotEqualTo(id);
    }
}
