package dev.filehost.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes files nobody needs any more behind the caller's back: unlinking a 1 GiB file took 0.3 s
 * on an ext4 disk mounted with discard, which an upload that turned out to be a duplicate should
 * not wait for. A file is first renamed into the run directory, so that if the process ends before
 * deleting it, the next start removes it with the run's other leftovers.
 */
final class Discards implements AutoCloseable {
    private static final String PREFIX = "discard-";
    private static final Logger log = LoggerFactory.getLogger(Discards.class);

    private final Path runDirectory;
    private final AtomicLong count = new AtomicLong();
    private final ExecutorService deleter = Executors.newSingleThreadExecutor(Thread.ofVirtual().factory());

    Discards(Path runDirectory) {
        this.runDirectory = runDirectory;
    }

    /** Takes the file out of the way now and deletes it soon; at once if it cannot join the run directory. */
    void discard(Path file) throws IOException {
        Path doomed = runDirectory.resolve(PREFIX + count.incrementAndGet());
        try {
            Files.move(file, doomed, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException otherFileSystem) {
            Files.delete(file);
            return;
        }
        deleter.execute(() -> delete(doomed));
    }

    private static void delete(Path doomed) {
        try {
            Files.deleteIfExists(doomed);
        } catch (IOException e) {
            log.warn("Could not delete {}; the next start removes it", doomed, e);
        }
    }

    /** Waits for the deletions under way. */
    @Override
    public void close() {
        deleter.close();
    }
}
