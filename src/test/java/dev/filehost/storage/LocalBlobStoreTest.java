package dev.filehost.storage;

import static dev.filehost.storage.BlobTestData.hex;
import static dev.filehost.storage.BlobTestData.randomBytes;
import static dev.filehost.storage.BlobTestData.slice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocalBlobStoreTest {
    private static final BlobStore.BeforePublish NOTHING_BEFORE_PUBLISH = blob -> { };


    @TempDir
    Path root;

    LocalBlobStore store;

    @BeforeEach
    void setUp() throws IOException {
        store = LocalBlobStore.open(root);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void writeStoresExactBytesWithTheirDigests() throws Exception {
        // Several buffers plus a partial one, to cover the copy loop boundaries.
        byte[] content = randomBytes(3 * HashingCopy.LARGE_BUFFER + 12345);

        StoredBlob blob = store.write(new ByteArrayInputStream(content), WriteLimit.UNLIMITED, NOTHING_BEFORE_PUBLISH);

        assertThat(blob.sha256()).isEqualTo(hex("SHA-256", content));
        assertThat(blob.md5()).isEqualTo(hex("MD5", content));
        assertThat(blob.size()).isEqualTo(content.length);
        assertThat(store.exists(blob.sha256())).isTrue();
        assertThat(store.size(blob.sha256())).isEqualTo(content.length);
        assertThat(readAll(blob.sha256(), 0, -1)).isEqualTo(content);
    }

    @Test
    void emptyBlobIsStored() throws Exception {
        StoredBlob blob = store.write(InputStream.nullInputStream(), WriteLimit.UNLIMITED, NOTHING_BEFORE_PUBLISH);

        assertThat(blob.sha256())
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(blob.md5()).isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
        assertThat(blob.size()).isZero();
        assertThat(readAll(blob.sha256(), 0, -1)).isEmpty();
    }

    @Test
    void blobIsStoredUnderTwoLevelsOfHashPrefixDirectories() throws Exception {
        StoredBlob blob = write(randomBytes(100));
        String sha = blob.sha256();

        assertThat(store.localPath(sha))
                .contains(root.resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha));
    }

    @Test
    void writingTheSameContentTwiceKeepsOneFile() throws Exception {
        byte[] content = randomBytes(5000);

        StoredBlob first = write(content);
        StoredBlob second = write(content);

        assertThat(second).isEqualTo(first);
        assertThat(storedFiles()).hasSize(1);
        assertThat(temporaryFiles()).isEmpty();
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
    void concurrentWritesOfIdenticalContentEndWithOneBlob() throws Exception {
        byte[] content = randomBytes(2 * HashingCopy.LARGE_BUFFER);
        int writers = 8;
        CountDownLatch start = new CountDownLatch(1);
        Callable<StoredBlob> writeAfterStart = () -> {
            start.await();
            return write(content);
        };
        Set<StoredBlob> results = new HashSet<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
            List<Future<StoredBlob>> futures = Stream.generate(() -> writeAfterStart)
                    .limit(writers)
                    .map(pool::submit)
                    .toList();
            start.countDown();
            for (Future<StoredBlob> future : futures) {
                results.add(future.get());
            }
        }

        assertThat(results).hasSize(1);
        assertThat(storedFiles()).hasSize(1);
        assertThat(temporaryFiles()).isEmpty();
        assertThat(readAll(results.iterator().next().sha256(), 0, -1)).isEqualTo(content);
    }

    @Test
    void openReadsTheRequestedRange() throws Exception {
        byte[] content = randomBytes(1000);
        String sha = write(content).sha256();

        assertThat(readAll(sha, 100, 50)).isEqualTo(slice(content, 100, 150));
        assertThat(readAll(sha, 990, -1)).isEqualTo(slice(content, 990, 1000));
        assertThat(readAll(sha, 0, 1000)).isEqualTo(content);
        assertThat(readAll(sha, 1000, -1)).isEmpty();
        assertThat(readAll(sha, 1000, 0)).isEmpty();
    }

    @Test
    void openRejectsRangesOutsideTheBlob() throws Exception {
        String sha = write(randomBytes(1000)).sha256();

        assertThatThrownBy(() -> store.open(sha, -1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.open(sha, 0, -2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.open(sha, 1001, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.open(sha, 990, 11)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.open(sha, 1, Long.MAX_VALUE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writeUpToTheLimitSucceeds() throws Exception {
        byte[] content = randomBytes(1000);

        StoredBlob blob = store.write(new ByteArrayInputStream(content), WriteLimit.ofBytes(1000), NOTHING_BEFORE_PUBLISH);

        assertThat(blob.size()).isEqualTo(1000);
    }

    @Test
    void exceedingTheLimitStopsReadingAndLeavesNothingBehind() throws Exception {
        long limit = 3 * HashingCopy.LARGE_BUFFER + 7;
        BlobTestData.EndlessInputStream endless = new BlobTestData.EndlessInputStream();

        assertThatThrownBy(() -> store.write(endless, WriteLimit.ofBytes(limit), NOTHING_BEFORE_PUBLISH))
                .isInstanceOfSatisfying(BlobTooLargeException.class,
                        e -> assertThat(e.limit()).isEqualTo(limit));

        assertThat(endless.bytesRead).isEqualTo(limit + 1);
        assertThat(temporaryFiles()).isEmpty();
        assertThat(storedFiles()).isEmpty();
    }

    @Test
    void stagedBytesWaitUnderNoHashAndGoWhenTheStageClosesUnpublished() throws Exception {
        byte[] content = randomBytes(200_000);
        StoredBlob kept;
        try (BlobStore.Staged staged = store.stage(new ByteArrayInputStream(content), WriteLimit.UNLIMITED)) {
            kept = staged.blob();
            assertThat(temporaryFiles()).hasSize(1);
            assertThat(store.exists(kept.sha256())).isFalse();
        }

        assertThat(kept.md5()).isEqualTo(hex("MD5", content));
        assertThat(temporaryFiles()).isEmpty();
        assertThat(storedFiles()).isEmpty();
    }

    @Test
    void aPublishedStageIsTheBlobAndClosingItLeavesTheBlob() throws Exception {
        byte[] content = randomBytes(200_000);
        try (BlobStore.Staged staged = store.stage(new ByteArrayInputStream(content), WriteLimit.UNLIMITED)) {
            staged.publish(NOTHING_BEFORE_PUBLISH);
        }

        assertThat(temporaryFiles()).isEmpty();
        assertThat(readAll(hex("SHA-256", content), 0, -1)).isEqualTo(content);
    }

    @Test
    void failingInputLeavesNothingBehind() throws Exception {
        IOException disconnect = new IOException("client disconnected");
        InputStream failing = new InputStream() {
            private int served;

            @Override
            public int read() throws IOException {
                if (served++ >= 200_000) {
                    throw disconnect;
                }
                return 'x';
            }
        };

        assertThatThrownBy(() -> store.write(failing, WriteLimit.UNLIMITED, NOTHING_BEFORE_PUBLISH)).isSameAs(disconnect);

        assertThat(temporaryFiles()).isEmpty();
        assertThat(storedFiles()).isEmpty();
    }

    @Test
    void deleteRemovesTheBlobAndIsIdempotent() throws Exception {
        String sha = write(randomBytes(100)).sha256();

        store.delete(sha);
        store.delete(sha);

        assertThat(store.exists(sha)).isFalse();
        assertThat(store.localPath(sha)).isEmpty();
    }

    @Test
    void readingAMissingBlobFails() {
        String missing = "0".repeat(64);

        assertThat(store.exists(missing)).isFalse();
        assertThatThrownBy(() -> store.size(missing)).isInstanceOf(BlobNotFoundException.class);
        assertThatThrownBy(() -> store.open(missing, 0, -1))
                .isInstanceOf(BlobNotFoundException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "../../etc/passwd",
            "../../../../../../../../../../../../../../../../../../../etc/passwd",
            "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855",
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85",
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b8555",
            "g3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            ""})
    void invalidIdsAreRejectedByEveryOperation(String invalid) {
        assertThatThrownBy(() -> store.exists(invalid)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.size(invalid)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.open(invalid, 0, -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.delete(invalid)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.localPath(invalid))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void listAllReturnsStoredBlobsOnly() throws Exception {
        String a = write(randomBytes(10)).sha256();
        String b = write(randomBytes(20)).sha256();
        Files.writeString(Files.createDirectories(root.resolve("tmp")).resolve("write-1.tmp"), "x");
        Path misplaced = Files.createDirectories(root.resolve("00").resolve("00"));
        Files.writeString(misplaced.resolve("f".repeat(64)), "not at its hash location");
        Files.writeString(root.resolve("ff"), "a file where a prefix directory belongs");

        try (Stream<String> all = store.listAll()) {
            assertThat(all).containsExactlyInAnyOrder(a, b);
        }
    }

    @Test
    void sweepTemporaryRemovesOnlyOldTemporaryFiles() throws Exception {
        Path tmp = Files.createDirectories(root.resolve("tmp"));
        Path stale = Files.writeString(tmp.resolve("write-stale.tmp"), "partial");
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
        Path live = Files.writeString(tmp.resolve("write-live.tmp"), "in progress");
        String stored = write(randomBytes(10)).sha256();

        int removed = store.sweepTemporary(Duration.ofDays(1));

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
            assertThat(store.sweepTemporary(Duration.ofHours(1))).isZero();
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
        assertThat(store.sweepTemporary(Duration.ZERO)).isZero();
    }

    private StoredBlob write(byte[] content) throws IOException {
        return store.write(new ByteArrayInputStream(content), WriteLimit.UNLIMITED, NOTHING_BEFORE_PUBLISH);
    }

    private byte[] readAll(String sha256, long offset, long length) throws IOException {
        try (InputStream in = store.open(sha256, offset, length)) {
            return in.readAllBytes();
        }
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
