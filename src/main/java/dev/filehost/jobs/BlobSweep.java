package dev.filehost.jobs;

import dev.filehost.storage.BlobStore;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes the blobs no file refers to and nobody referenced for the grace period: the row, then
 * the bytes while the row's deletion is still uncommitted.
 */
public final class BlobSweep {
    private static final Logger log = LoggerFactory.getLogger(BlobSweep.class);

    private final BlobSweepRepository repository;
    private final BlobStore blobs;
    private final Clock clock;
    private final Duration grace;

    BlobSweep(BlobSweepRepository repository, BlobStore blobs, Clock clock, Duration grace) {
        this.repository = repository;
        this.blobs = blobs;
        this.clock = clock;
        this.grace = grace;
    }

    /** @return the number of blobs removed */
    public int run() {
        long cutoff = clock.millis() - grace.toMillis();
        int removed = 0;
        String after = "";
        List<String> page;
        do {
            page = repository.unreferenced(cutoff, after, Batches.SIZE);
            for (String sha256 : page) {
                if (remove(sha256, cutoff)) {
                    removed++;
                }
            }
            after = page.isEmpty() ? after : page.getLast();
        } while (page.size() == Batches.SIZE);
        if (removed > 0) {
            log.info("Removed {} unreferenced blobs", removed);
        }
        return removed;
    }

    private boolean remove(String sha256, long cutoff) {
        try {
            return repository.deleteUnreferenced(sha256, cutoff, () -> blobs.delete(sha256));
        } catch (IOException e) {
            // One undeletable blob must not stop the others; its row stays for the next run.
            log.warn("Could not delete blob {}; the next run tries again", sha256, e);
            return false;
        }
    }
}
