package dev.filehost.storage;

import static dev.filehost.storage.BlobTestData.hex;
import static dev.filehost.storage.BlobTestData.randomBytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The blob store contract on local files, and what only files have: paths, temporary files, other processes. */
class LocalBlobStoreTest extends BlobStoreContract {
    @TempDir
    Path root;

    private LocalBlobStore local;

    @Override
    protected BlobStore openStore() throws IOException {
        local = LocalBlobStore.open(root);
        return local;
    }

    @Override
    protected int chunk() {
        return HashingCopy.LARGE_BUFFER;
    }

    @Override
    protected List<String> storedEntries() throws IOException {
        return storedFiles().stream().map(Path::toString).toList();
    }

    @Override
    protected List<String> unfinishedWrites() throws IOException {
        return temporaryFiles().stream().map(Path::toString).toList();
    }

    @Override
    protected void addStrayEntries() throws IOException {
        Files.writeString(Files.createDirectories(root.resolve("tmp")).resolve("write-1.tmp"), "x");
        Path misplaced = Files.createDirectories(root.resolve("00").resolve("00"));
        Files.writeString(misplaced.resolve("f".repeat(64)), "not at its hash location");
        Files.writeString(root.resolve("ff"), "a file where a prefix directory belongs");
    }

    @Test
    void blobIsStoredUnderTwoLevelsOfHashPrefixDirectories() throws Exception {
        StoredBlob blob = write(randomBytes(100));
        String sha = blob.sha256();

        assertThat(local.localPath(sha))
                .contains(root.resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha));
    }

    @Test
    void aBlobFlushedToDiskInStepsWhileWrittenIsStoredIntact() throws Exception {
        byte[] content = randomBytes((int) (2 * WriteBehindOutputStream.FLUSH_EVERY + 777));

        StoredBlob blob = store.write(new ByteArrayInputStream(content), WriteLimit.UNLIMITED, NOTHING_BEFORE_PUBLISH);

        assertThat(blob.sha256()).isEqualTo(hex("SHA-256", content));
        assertThat(readAll(blob.sha256(), 0, -1)).isEqualTo(content);
        assertThat(temporaryFiles()).isEmpty();
    }

    @Test
    void theBytesOfDuplicatesAreGoneOnceTheStoreCloses() throws Exception {
        byte[] content = randomBytes(3 * chunk());
        write(content);
        write(content);
        for (String id : List.of("a".repeat(ResumableStaging.ID_LENGTH), "b".repeat(ResumableStaging.ID_LENGTH))) {
            local.createStaged(id);
            local.append(id, 0, new ByteArrayInputStream(content), WriteLimit.UNLIMITED, new RunningDigests(), () -> true);
            local.publish(id, Optional.empty(), NOTHING_BEFORE_PUBLISH);
        }

        local.close();

        assertThat(storedFiles()).hasSize(1);
        try (Stream<Path> files = Files.walk(root.resolve("tmp"))) {
            assertThat(files.filter(Files::isRegularFile).map(path -> path.getFileName().toString()))
                    .as("only the run's lock file").containsExactly(".owner");
        }
    }

    @Test
    void aDeletedBlobHasNoPath() throws Exception {
        String sha = write(randomBytes(100)).sha256();

        store.delete(sha);

        assertThat(local.localPath(sha)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("invalidIds")
    void invalidIdsHaveNoPath(String invalid) {
        assertThatThrownBy(() -> local.localPath(invalid)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sweepTemporaryRemovesOnlyOldTemporaryFiles() throws Exception {
        Path tmp = Files.createDirectories(root.resolve("tmp"));
        Path stale = Files.writeString(tmp.resolve("write-stale.tmp"), "partial");
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
        Path live = Files.writeString(tmp.resolve("write-live.tmp"), "in progress");
        String stored = write(randomBytes(10)).sha256();

        int removed = local.sweepTemporary(Duration.ofDays(1));

        assertThat(removed).isEqualTo(1);
        assertThat(stale).doesNotExist();
        assertThat(live).exists();
        assertThat(store.exists(stored)).isTrue();
    }

    /** Another process writes; it is killed; the next store opened on the root removes what it left. */
    @Test
    void theTemporaryFilesOfAProcessThatDiedGoWhenTheNextStoreOpens() throws Exception {
        Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), StalledWriter.class.getName(), root.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            Path partial = awaitTemporaryFileOfAtLeast(1 << 20);

            LocalBlobStore.open(root).close();
            assertThat(local.sweepTemporary(Duration.ofHours(1))).isZero();
            assertThat(partial).as("a live process's write is left alone").exists();

            writer.destroyForcibly().waitFor();
            assertThat(partial).as("a crash leaves its temporary file").exists();
            LocalBlobStore.open(root).close();
            assertThat(partial).doesNotExist();
            assertThat(partial.getParent()).doesNotExist();
            assertThat(temporaryFiles()).isEmpty();
        } finally {
            writer.destroyForcibly().waitFor();
        }
    }

    private Path awaitTemporaryFileOfAtLeast(long size) throws Exception {
        for (int i = 0; i < 300; i++) {
            for (Path temp : temporaryFiles()) {
                if (Files.size(temp) >= size) {
                    return temp;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the other process wrote nothing");
    }

    @Test
    void sweepTemporaryWithoutTemporaryDirectoryDoesNothing() throws Exception {
        assertThat(local.sweepTemporary(Duration.ZERO)).isZero();
    }

    private List<Path> storedFiles() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .filter(path -> !path.startsWith(root.resolve("tmp")))
                    .toList();
        }
    }

    /** The temporary files of writes, in every run directory; not the runs' lock files. */
    private List<Path> temporaryFiles() throws IOException {
        try (Stream<Path> files = Files.walk(root.resolve("tmp"))) {
            return files.filter(Files::isRegularFile)
                    .filter(path -> path.getFileName().toString().startsWith("write-"))
                    .toList();
        }
    }
}
