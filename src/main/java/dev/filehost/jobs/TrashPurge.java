package dev.filehost.jobs;

import dev.filehost.file.FileRetentionRepository;
import dev.filehost.folder.FolderRepository;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes for good the files and folders in trash for longer than the retention; the blob sweep
 * takes the files' bytes. Files go first, so that their folders are empty when their turn comes.
 */
public final class TrashPurge {
    private static final Logger log = LoggerFactory.getLogger(TrashPurge.class);

    private final FileRetentionRepository files;
    private final FolderRepository folders;
    private final Clock clock;
    private final Duration retention;

    TrashPurge(FileRetentionRepository files, FolderRepository folders, Clock clock, Duration retention) {
        this.files = files;
        this.folders = folders;
        this.clock = clock;
        this.retention = retention;
    }

    /** @return the number of files removed */
    public int run() {
        long cutoff = clock.millis() - retention.toMillis();
        int purged = Batches.drain(() -> files.purgeTrash(cutoff, Batches.SIZE));
        int purgedFolders = 0;
        // Each pass frees the next level up of a trashed tree.
        for (int level = folders.purgeEmptyTrashed(cutoff, Batches.SIZE); level > 0;
                level = folders.purgeEmptyTrashed(cutoff, Batches.SIZE)) {
            purgedFolders += level;
        }
        if (purged > 0 || purgedFolders > 0) {
            log.info("Purged {} files and {} folders from trash", purged, purgedFolders);
        }
        return purged;
    }
}
