package dev.filehost.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Blob store on the local file system.
 *
 * <p>Layout: {@code <root>/ab/cd/<sha256>} where {@code ab} and {@code cd} are the first two byte
 * pairs of the hash, which keeps directories small. Writes go to a randomly named file in this
 * store's own {@link RunDirectory} under {@code <root>/tmp/}, are fsync'd, then atomically renamed
 * into place and the directory fsync'd, so a blob path either holds the complete content or does
 * not exist; a write whose blob exists already is {@link Discards discarded} in the background.
 * Opening a store removes the run directories of processes that ended, with whatever their
 * interrupted writes left.
 *
 * <p>Resumable uploads are staged as append-only files in {@code <root>/staging/}, outside the run
 * directories: another process may continue them. Publishing renames the staged file into place.
 */
public final class LocalBlobStore implements BlobStore, LocalFileAccess, OrphanSweep, ResumableStaging, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalBlobStore.class);

    private final Path root;
    private final Path tmpDir;
    private final Path stagingDir;
    private final RunDirectory run;
    private final Discards discards;

    private LocalBlobStore(Path root, Path tmpDir, RunDirectory run) {
        this.root = root;
        this.tmpDir = tmpDir;
        this.stagingDir = root.resolve("staging");
        this.run = run;
        this.discards = new Discards(run.path());
    }

    /** The store under {@code root}, cleared of the temporary files of processes that ended. */
    public static LocalBlobStore open(Path root) throws IOException {
        Path absolute = root.toAbsolutePath().normalize();
        Path tmpDir = absolute.resolve("tmp");
        int removed = RunDirectory.removeAbandoned(tmpDir);
        if (removed > 0) {
            log.info("Removed {} temporary files of interrupted writes of processes that ended", removed);
        }
        return new LocalBlobStore(absolute, tmpDir, RunDirectory.create(tmpDir));
    }

    @Override
    public Staged stage(InputStream in, WriteLimit limit) throws IOException {
        Path temp = Files.createTempFile(run.path(), "write-", ".tmp");
        try {
            return new StagedFile(temp, copyDurably(in, temp, limit));
        } catch (Throwable failure) {
            deleteAfterFailure(temp, failure);
            throw failure;
        }
    }

    /** A durable temporary file in this run's directory, moved under its hash when published. */
    private final class StagedFile implements Staged {
        private final Path temp;
        private final StoredBlob blob;

        StagedFile(Path temp, StoredBlob blob) {
            this.temp = temp;
            this.blob = blob;
        }

        @Override
        public StoredBlob blob() {
            return blob;
        }

        @Override
        public void publish(BeforePublish beforePublish) throws IOException {
            beforePublish.run(blob);
            moveIntoPlace(temp, pathOf(blob.sha256()));
        }

        /** Gone once published (moved or dropped for an existing copy); otherwise removed now. */
        @Override
        public void close() throws IOException {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public void createStaged(String id) throws IOException {
        ensureDirectoryDurably(stagingDir);
        Files.createFile(stagedPath(id));
    }

    @Override
    public long append(String id, long offset, InputStream in, WriteLimit limit, RunningDigests digests,
                       BooleanSupplier keep) throws IOException {
        try (FileChannel channel = FileChannel.open(stagedPath(id), StandardOpenOption.WRITE)) {
            channel.truncate(offset);
            channel.position(offset);
            try (WriteBehindOutputStream out = new WriteBehindOutputStream(channel)) {
                HashingCopy.append(in, out, limit, digests);
                out.awaitFlush();
            } catch (BlobTooLargeException e) {
                channel.force(false);
                throw e;
            }
            if (!keep.getAsBoolean()) {
                channel.truncate(offset);
            }
            channel.force(false);
            return channel.size();
        }
    }

    @Override
    public long stagedSize(String id) throws IOException {
        return Files.size(stagedPath(id));
    }

    @Override
    public StoredBlob publish(String id, Optional<StoredBlob> known, BeforePublish beforePublish) throws IOException {
        Path staged = stagedPath(id);
        StoredBlob blob = known.isPresent() ? known.get() : digest(staged);
        beforePublish.run(blob);
        moveIntoPlace(staged, pathOf(blob.sha256()));
        return blob;
    }

    private static StoredBlob digest(Path staged) throws IOException {
        try (InputStream in = Files.newInputStream(staged)) {
            return HashingCopy.copy(in, OutputStream.nullOutputStream(), WriteLimit.UNLIMITED);
        }
    }

    @Override
    public void deleteStaged(String id) throws IOException {
        Files.deleteIfExists(stagedPath(id));
    }

    private Path stagedPath(String id) {
        if (!BlobIds.isLowercaseHex(id, ID_LENGTH)) {
            throw new IllegalArgumentException("staged ids are " + ID_LENGTH + " lowercase hex characters");
        }
        return stagingDir.resolve(id);
    }

    @Override
    public boolean exists(String sha256) {
        return Files.isRegularFile(pathOf(sha256));
    }

    @Override
    public long size(String sha256) throws IOException {
        try {
            return Files.size(pathOf(sha256));
        } catch (NoSuchFileException e) {
            throw new BlobNotFoundException(sha256);
        }
    }

    @Override
    public InputStream open(String sha256, long offset, long length) throws IOException {
        return Channels.newInputStream(openChannel(sha256, offset, length));
    }

    /** The file itself, bounded to the range: reads go straight into the caller's buffers. */
    @Override
    public ReadableByteChannel openChannel(String sha256, long offset, long length) throws IOException {
        Path path = pathOf(sha256);
        if (offset < 0 || length < -1) {
            throw new IllegalArgumentException(
                    "invalid range: offset " + offset + ", length " + length);
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(path, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new BlobNotFoundException(sha256);
        }
        try {
            // The size of the open file, not of the path, so a concurrent delete cannot interfere.
            long size = channel.size();
            long available = size - Math.min(offset, size);
            if (offset > size || length > available) {
                throw new IllegalArgumentException("range offset " + offset + ", length " + length
                        + " exceeds blob size " + size);
            }
            channel.position(offset);
            return new BoundedChannel(channel, length == -1 ? available : length);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public void delete(String sha256) throws IOException {
        Files.deleteIfExists(pathOf(sha256));
    }

    @Override
    public Optional<Path> localPath(String sha256) {
        Path path = pathOf(sha256);
        return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
    }

    @Override
    public Stream<String> listAll() throws IOException {
        if (!Files.isDirectory(root)) {
            return Stream.empty();
        }
        // File names alone identify blobs. Not stat'ing each file keeps listing cheap and, unlike
        // Files.walk, does not fail when a blob is deleted while the listing runs.
        return Files.list(root)
                .filter(LocalBlobStore::isPrefixDirectory)
                .flatMap(LocalBlobStore::list)
                .filter(LocalBlobStore::isPrefixDirectory)
                .flatMap(LocalBlobStore::list)
                .filter(this::isBlobPath)
                .map(path -> path.getFileName().toString());
    }

    @Override
    public Optional<Instant> lastModified(String sha256) throws IOException {
        try {
            return Optional.of(Files.getLastModifiedTime(pathOf(sha256)).toInstant());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /**
     * Removes the run directories of processes that ended, and the files of live runs (and of
     * versions before run directories) that saw no write for {@code olderThan}.
     */
    @Override
    public int sweepTemporary(Duration olderThan) throws IOException {
        if (!Files.isDirectory(tmpDir)) {
            return 0;
        }
        FileTime cutoff = FileTime.from(Instant.now().minus(olderThan));
        int removed = RunDirectory.removeAbandoned(tmpDir) + removeStale(tmpDir, cutoff);
        try (DirectoryStream<Path> runs = Files.newDirectoryStream(tmpDir, RunDirectory.PREFIX + "*")) {
            for (Path liveRun : runs) {
                if (Files.isDirectory(liveRun)) {
                    removed += removeStale(liveRun, cutoff);
                }
            }
        }
        return removed;
    }

    private static int removeStale(Path dir, FileTime cutoff) throws IOException {
        int removed = 0;
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(dir, "write-*.tmp")) {
            for (Path temp : temps) {
                if (isModifiedBefore(temp, cutoff) && Files.deleteIfExists(temp)) {
                    log.debug("Removed stale temporary blob file {}", temp);
                    removed++;
                }
            }
        } catch (NoSuchFileException runEndedMeanwhile) {
            // Removed by another sweep: nothing left to do here.
        }
        return removed;
    }

    /** Lets the next start, or another process's sweep, remove this run's directory. */
    @Override
    public void close() {
        discards.close();
        try {
            run.close();
        } catch (IOException e) {
            log.warn("Could not release the temporary directory {}; it goes when this process ends", run.path(), e);
        }
    }

    private Path pathOf(String sha256) {
        BlobIds.requireValid(sha256);
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    private boolean isBlobPath(Path path) {
        String name = path.getFileName().toString();
        return BlobIds.isValid(name) && path.equals(pathOf(name));
    }

    private static boolean isPrefixDirectory(Path path) {
        return BlobIds.isLowercaseHex(path.getFileName().toString(), 2) && Files.isDirectory(path);
    }

    private static Stream<Path> list(Path dir) {
        try {
            return Files.list(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isModifiedBefore(Path temp, FileTime cutoff) throws IOException {
        try {
            return Files.getLastModifiedTime(temp).compareTo(cutoff) < 0;
        } catch (NoSuchFileException movedIntoPlaceMeanwhile) {
            return false;
        }
    }

    private static StoredBlob copyDurably(InputStream in, Path temp, WriteLimit limit)
            throws IOException {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
             WriteBehindOutputStream out = new WriteBehindOutputStream(channel)) {
            StoredBlob blob = HashingCopy.copy(in, out, limit);
            out.awaitFlush();
            channel.force(true);
            return blob;
        }
    }

    /** Moves the complete temp file to {@code target}, or discards it if the blob exists already. */
    private void moveIntoPlace(Path temp, Path target) throws IOException {
        if (Files.exists(target)) {
            discards.discard(temp);
            return;
        }
        ensureDirectoryDurably(target.getParent());
        // A concurrent writer of the same content may get here too; rename then replaces its file
        // with identical bytes, so either order is correct.
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        fsyncDirectory(target.getParent());
    }

    private static void deleteAfterFailure(Path temp, Throwable failure) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    /** Creates missing directories and fsyncs each parent, so new entries survive a crash. */
    private static void ensureDirectoryDurably(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        ensureDirectoryDurably(dir.getParent());
        try {
            Files.createDirectory(dir);
        } catch (FileAlreadyExistsException raced) {
            // Created concurrently; still fsync below, the other writer may not have yet.
        }
        fsyncDirectory(dir.getParent());
    }

    private static void fsyncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
