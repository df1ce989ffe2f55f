package dev.filehost.jobs;

import dev.filehost.file.FileRetentionRepository;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves to trash the files nobody downloaded for as many days as their owner's package keeps
 * inactive files (0 keeps them forever); the trash purge removes them later.
 */
public final class InactiveFileExpiry {
    private static final Logger log = LoggerFactory.getLogger(InactiveFileExpiry.class);

    private final FileRetentionRepository files;
    private final Clock clock;

    InactiveFileExpiry(FileRetentionRepository files, Clock clock) {
        this.files = files;
        this.clock = clock;
    }

    /** @return the number of files moved to trash */
    public int run() {
        long now = clock.millis();
        int trashed = Batches.drain(() -> files.trashInactive(now, Batches.SIZE));
        if (trashed > 0) {
            log.info("Moved {} inactive files to trash", trashed);
        }
        return trashed;
    }
}
