package dev.filehost.migrate;

import dev.filehost.file.FileRepository;
import dev.filehost.file.TypeDetector;
import dev.filehost.storage.BlobStore;
import dev.filehost.storage.HashingCopy;
import dev.filehost.storage.StoredBlob;
import dev.filehost.storage.WriteLimit;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * The original's local file store: bytes at {@code <files dir>/<localFilePath>}, brought into the
 * blob store (or, on a dry run, only read) and checked against the MD5 the original recorded.
 * Several rows may share one stored file; it is read once per run.
 */
final class LegacyFileStore {
    /** What became of one stored file. */
    sealed interface Outcome {
    }

    record Imported(StoredBlob blob) implements Outcome {
    }

    record Missing(String path) implements Outcome {
    }

    record Mismatch(String expectedMd5, String actualMd5) implements Outcome {
    }

    private static final class MismatchFound extends IOException {
        private final String actualMd5;

        MismatchFound(String actualMd5) {
            super("content MD5 " + actualMd5 + " differs from the recorded one");
            this.actualMd5 = actualMd5;
        }
    }

    private final Path root;
    private final BlobStore blobs;
    private final FileRepository files;
    private final Clock clock;
    private final boolean dryRun;
    private final Map<String, Outcome> seen = new HashMap<>();

    LegacyFileStore(Path root, BlobStore blobs, FileRepository files, Clock clock, boolean dryRun) {
        this.root = root.toAbsolutePath().normalize();
        this.blobs = blobs;
        this.files = files;
        this.clock = clock;
        this.dryRun = dryRun;
    }

    Outcome bring(String localFilePath, String expectedMd5) throws IOException {
        Outcome known = seen.get(localFilePath);
        if (known != null) {
            return known;
        }
        Outcome outcome = read(localFilePath, expectedMd5);
        seen.put(localFilePath, outcome);
        return outcome;
    }

    private Outcome read(String localFilePath, String expectedMd5) throws IOException {
        Path path = root.resolve(localFilePath).normalize();
        if (!path.startsWith(root) || !Files.isRegularFile(path)) {
            return new Missing(path.toString());
        }
        try (InputStream in = Files.newInputStream(path)) {
            StoredBlob blob = dryRun
                    ? HashingCopy.copy(in, OutputStream.nullOutputStream(), WriteLimit.UNLIMITED)
                    : blobs.write(in, WriteLimit.UNLIMITED, written -> {
                        if (!matches(written, expectedMd5)) {
                            throw new MismatchFound(written.md5());
                        }
                        files.referenceBlob(written, clock.millis());
                    });
            return matches(blob, expectedMd5) ? new Imported(blob) : new Mismatch(expectedMd5, blob.md5());
        } catch (MismatchFound e) {
            return new Mismatch(expectedMd5, e.actualMd5);
        } catch (NoSuchFileException e) {
            return new Missing(path.toString());
        }
    }

    private static boolean matches(StoredBlob blob, String expectedMd5) {
        return expectedMd5 == null || blob.md5().equalsIgnoreCase(expectedMd5);
    }

    /** The first bytes, for type detection (the original's fileType is not reliable). */
    byte[] head(String localFilePath) throws IOException {
        try (InputStream in = Files.newInputStream(root.resolve(localFilePath).normalize())) {
            return in.readNBytes(TypeDetector.HEAD_BYTES);
        }
    }
}
