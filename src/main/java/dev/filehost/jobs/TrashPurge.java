package dev.filehost.jobs;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Removes for good the files in trash for longer than the retention; the blob sweep takes their bytes. */
public final class TrashPurge {
    private static final Logger log = LoggerFactory.getLogger(TrashPurge.class);

    private final FileRetentionRepository files;
    private final Clock clock;
    private final Duration retention;

    TrashPurge(FileRetentionRepository files, Clock clock, Duration retention) {
        this.files = files;
        this.clock = clock;
        this.retention = retention;
    }

    /** @return the number of files removed */
    public int run() {
        long cutoff = clock.millis() - retention.toMillis();
        int purged = Batches.drain(() -> files.purgeTrash(cutoff, Batches.SIZE));
        if (purged > 0) {
            log.info("Purged {} files from trash", purged);
        }
        return purged;
    }
}
