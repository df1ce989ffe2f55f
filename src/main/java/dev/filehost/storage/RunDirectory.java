package dev.filehost.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A directory of temporary files that belongs to one run of one store: a lock on a file inside
 * it marks it as in use, and the operating system releases that lock when the process ends,
 * however it ends. A run directory whose lock is free belongs to no running process.
 */
final class RunDirectory implements AutoCloseable {
    static final String PREFIX = "run-";
    private static final String LOCK_FILE = ".owner";
    /**
     * Lock files this JVM holds. Never opened again here: on Linux, closing any channel of a file
     * releases every lock the process has on it.
     */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path dir;
    private final FileChannel lockChannel;

    private RunDirectory(Path dir, FileChannel lockChannel) {
        this.dir = dir;
        this.lockChannel = lockChannel;
    }

    /** A new run directory under {@code parent}, held until {@link #close} or the process ends. */
    static RunDirectory create(Path parent) throws IOException {
        Files.createDirectories(parent);
        Path dir = Files.createTempDirectory(parent, PREFIX);
        Path lockFile = dir.resolve(LOCK_FILE);
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            channel.lock();
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        HELD.add(lockFile);
        return new RunDirectory(dir, channel);
    }

    Path path() {
        return dir;
    }

    /** Removes the run directories under {@code parent} of processes that ended; answers how many files went. */
    static int removeAbandoned(Path parent) throws IOException {
        if (!Files.isDirectory(parent)) {
            return 0;
        }
        int removed = 0;
        try (DirectoryStream<Path> runs = Files.newDirectoryStream(parent, PREFIX + "*")) {
            for (Path run : runs) {
                if (Files.isDirectory(run) && isAbandoned(run)) {
                    removed += deleteTree(run);
                }
            }
        }
        return removed;
    }

    /** A directory its owner is still creating has no lock file yet: it counts as in use. */
    private static boolean isAbandoned(Path run) throws IOException {
        Path lockFile = run.resolve(LOCK_FILE);
        if (HELD.contains(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return false;
            }
            lock.release();
            return true;
        } catch (NoSuchFileException | OverlappingFileLockException stillStarting) {
            return false;
        }
    }

    /** The number of files deleted, the lock file not counted. */
    private static int deleteTree(Path run) throws IOException {
        int files = 0;
        try (Stream<Path> paths = Files.walk(run)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                boolean counted = Files.isRegularFile(path) && !path.getFileName().toString().equals(LOCK_FILE);
                if (Files.deleteIfExists(path) && counted) {
                    files++;
                }
            }
        }
        return files;
    }

    @Override
    public void close() throws IOException {
        HELD.remove(dir.resolve(LOCK_FILE));
        lockChannel.close();
    }
}
