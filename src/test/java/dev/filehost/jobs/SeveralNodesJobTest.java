package dev.filehost.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filehost.app.Components;
import dev.filehost.support.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;

/** A second node on the same database and blob directory runs the same jobs at the same moment. */
class SeveralNodesJobTest extends JobTestBase {
    private static final int FILES = 20;

    @Override
    protected Map<String, String> serverEnvironment() {
        return Map.of("FILEHOST_TRASH_RETENTION_DAYS", "0");
    }

    @Test
    void eachPieceOfWorkIsDoneByExactlyOneNode() throws Exception {
        try (Components otherNode = Components.open(server.settings(), server.clock())) {
            List<Housekeeping> nodes = List.of(jobs(), otherNode.housekeeping());
            Session session = signInNewUser();
            for (int i = 0; i < FILES; i++) {
                delete(session, upload(session, "file" + i + ".bin", uniqueContent()));
            }
            for (int i = 0; i < FILES; i++) {
                Path orphan = blobFile(uniqueContent());
                Files.createDirectories(orphan.getParent());
                Files.write(orphan, new byte[] {1});
                Files.setLastModifiedTime(orphan, FileTime.from(Instant.now().minus(Housekeeping.GRACE.multipliedBy(2))));
            }

            assertThat(atOnce(nodes, node -> node.trashPurge().run())).isEqualTo(FILES);
            advance(Housekeeping.GRACE.plusMinutes(1));
            assertThat(atOnce(nodes, node -> node.blobSweep().run())).isEqualTo(FILES);
            assertThat(atOnce(nodes, node -> node.orphanFileSweep().orElseThrow().run().orphans())).isEqualTo(FILES);
        }
    }

    /** Starts the job on every node together; the sum of what they did. */
    private static int atOnce(List<Housekeeping> nodes, ToIntFunction<Housekeeping> job) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newFixedThreadPool(nodes.size())) {
            List<Future<Integer>> runs = new ArrayList<>();
            for (Housekeeping node : nodes) {
                runs.add(threads.submit(() -> {
                    start.await();
                    return job.applyAsInt(node);
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> run : runs) {
                total += run.get();
            }
            return total;
        }
    }
}
