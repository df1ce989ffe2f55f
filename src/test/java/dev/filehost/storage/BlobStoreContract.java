package dev.filehost.storage;

import static dev.filehost.storage.BlobTestData.hex;
import static dev.filehost.storage.BlobTestData.randomBytes;
import static dev.filehost.storage.BlobTestData.slice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every {@link BlobStore} promises, run against each backend by a subclass: the same scenarios
 * for the local store and S3, so the two cannot drift apart. A subclass says how to open its store,
 * how large a "chunk" is (a copy buffer, an S3 part: content of several chunks crosses the backend's
 * boundaries), and what it holds besides the answers of the interface.
 */
public abstract class BlobStoreContract {
    protected static final BlobStore.BeforePublish NOTHING_BEFORE_PUBLISH = blob -> { };
    private static final String MISSING = "0".repeat(64);

    protected BlobStore store;

    /** A fresh, empty store. */
    protected abstract BlobStore openStore() throws IOException;

    /** The unit the backend writes and reads in; content of several of them crosses its boundaries. */
    protected abstract int chunk();

    /** Where the store keeps its blobs: one entry (file, object) per stored blob. */
    protected abstract List<String> storedEntries() throws IOException;

    /** What unfinished writes left: temporary files, objects or multipart uploads. */
    protected abstract List<String> unfinishedWrites() throws IOException;

    /** Puts things into the store's space that are not blobs where they are, for {@link OrphanSweep#listAll}. */
    protected abstract void addStrayEntries() throws IOException;

    @BeforeEach
    void openTheStore() throws IOException {
        store = openStore();
    }

    @AfterEach
    void closeTheStore() throws Exception {
        if (store instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    /** Ids the store refuses with {@link IllegalArgumentException}, whatever the operation. */
    public static Stream<String> invalidIds() {
        return Stream.of(
                "../../etc/passwd",
                "../../../../../../../../../../../../../../../../../../../etc/passwd",
                "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855",
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85",
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b8555",
                "g3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                "");
    }

    @Test
    void aBlobOfSeveralChunksComesBackExactlyWithItsDigests() throws Exception {
        byte[] content = randomBytes(3 * chunk() + 12345);

        StoredBlob blob = write(content);

        assertThat(blob.sha256()).isEqualTo(hex("SHA-256", content));
        assertThat(blob.md5()).isEqualTo(hex("MD5", content));
        assertThat(blob.size()).isEqualTo(content.length);
        assertThat(store.exists(blob.sha256())).isTrue();
        assertThat(store.size(blob.sha256())).isEqualTo(content.length);
        assertThat(readAll(blob.sha256(), 0, -1)).isEqualTo(content);
        assertThat(storedEntries()).hasSize(1);
        assertThat(unfinishedWrites()).isEmpty();
    }

    @Test
    void theEmptyBlobAndBlobsOfAtMostOneChunkComeBackExactly() throws Exception {
        StoredBlob empty = write(new byte[0]);
        assertThat(empty.sha256()).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(empty.md5()).isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
        assertThat(empty.size()).isZero();

        for (byte[] content : List.of(new byte[0], randomBytes(1000), randomBytes(chunk()))) {
            StoredBlob blob = write(content);

            assertThat(readAll(blob.sha256(), 0, -1)).isEqualTo(content);
            assertThat(store.size(blob.sha256())).isEqualTo(content.length);
        }
        assertThat(storedEntries()).hasSize(3);
    }

    @Test
    void identicalContentIsStoredOnce() throws Exception {
        byte[] large = randomBytes(2 * chunk() + 1);
        byte[] small = randomBytes(100);

        assertThat(write(large)).isEqualTo(write(large));
        assertThat(write(small)).isEqualTo(write(small));

        assertThat(storedEntries()).hasSize(2);
        assertThat(unfinishedWrites()).isEmpty();
    }

    @Test
    void concurrentWritesOfIdenticalContentEndWithOneBlob() throws Exception {
        byte[] content = randomBytes(chunk() + 1);
        int writers = 8;
        CountDownLatch start = new CountDownLatch(1);
        Callable<StoredBlob> writeAfterStart = () -> {
            start.await();
            return write(content);
        };
        Set<StoredBlob> results = new HashSet<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
            List<Future<StoredBlob>> futures = Stream.generate(() -> writeAfterStart).limit(writers)
                    .map(pool::submit).toList();
            start.countDown();
            for (Future<StoredBlob> future : futures) {
                results.add(future.get());
            }
        }

        assertThat(results).hasSize(1);
        assertThat(storedEntries()).hasSize(1);
        assertThat(unfinishedWrites()).isEmpty();
        assertThat(readAll(results.iterator().next().sha256(), 0, -1)).isEqualTo(content);
    }

    @Test
    void stagedBytesWaitUnderNoHashAndGoWhenTheStageClosesUnpublished() throws Exception {
        byte[] content = randomBytes(2 * chunk() + 100);
        StoredBlob staged;
        try (BlobStore.Staged stage = store.stage(new ByteArrayInputStream(content), WriteLimit.UNLIMITED)) {
            staged = stage.blob();
            assertThat(staged.md5()).isEqualTo(hex("MD5", content));
            assertThat(unfinishedWrites()).isNotEmpty();
            assertThat(storedEntries()).isEmpty();
            assertThat(store.exists(staged.sha256())).isFalse();
        }

        assertThat(unfinishedWrites()).isEmpty();
        assertThat(storedEntries()).isEmpty();
    }

    @Test
    void aPublishedStageIsTheBlobAndClosingItLeavesTheBlob() throws Exception {
        byte[] content = randomBytes(2 * chunk() + 100);
        try (BlobStore.Staged stage = store.stage(new ByteArrayInputStream(content), WriteLimit.UNLIMITED)) {
            stage.publish(NOTHING_BEFORE_PUBLISH);
        }

        assertThat(unfinishedWrites()).isEmpty();
        assertThat(storedEntries()).hasSize(1);
        assertThat(readAll(hex("SHA-256", content), 0, -1)).isEqualTo(content);
    }

    @Test
    void openReadsTheRequestedRange() throws Exception {
        int chunk = chunk();
        byte[] content = randomBytes(2 * chunk + 100);
        String sha = write(content).sha256();

        assertThat(readAll(sha, chunk - 10, 20)).isEqualTo(slice(content, chunk - 10, chunk + 10));
        assertThat(readAll(sha, 2 * chunk, -1)).isEqualTo(slice(content, 2 * chunk, content.length));
        assertThat(readAll(sha, 0, content.length)).isEqualTo(content);
        assertThat(readAll(sha, content.length, -1)).isEmpty();
        assertThat(readAll(sha, content.length, 0)).isEmpty();
    }

    @Test
    void openRejectsRangesOutsideTheBlob() throws Exception {
        String sha = write(randomBytes(1000)).sha256();

        assertThatThrownBy(() -> store.open(sha, -1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.open(sha, 0, -2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.open(sha, 1001, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.open(sha, 990, 11)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.open(sha, 1, Long.MAX_VALUE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.open(sha, 1, Long.MAX_VALUE - 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDownloadClosedEarlyLeavesTheStoreUsable() throws Exception {
        byte[] content = randomBytes(3 * chunk());
        String sha = write(content).sha256();

        try (InputStream in = store.open(sha, 0, -1)) {
            assertThat(in.readNBytes(10)).isEqualTo(slice(content, 0, 10));
        }

        assertThat(readAll(sha, 10, 10)).isEqualTo(slice(content, 10, 20));
    }

    @Test
    void writeUpToTheLimitSucceeds() throws Exception {
        byte[] content = randomBytes(1000);

        StoredBlob blob = store.write(new ByteArrayInputStream(content), WriteLimit.ofBytes(1000), NOTHING_BEFORE_PUBLISH);

        assertThat(blob.size()).isEqualTo(1000);
    }

    @Test
    void exceedingTheLimitStopsReadingAndLeavesNothingBehind() throws Exception {
        long limit = 3L * chunk() + 7;
        BlobTestData.EndlessInputStream endless = new BlobTestData.EndlessInputStream();

        assertThatThrownBy(() -> store.write(endless, WriteLimit.ofBytes(limit), NOTHING_BEFORE_PUBLISH))
                .isInstanceOfSatisfying(BlobTooLargeException.class, e -> assertThat(e.limit()).isEqualTo(limit));

        assertThat(endless.bytesRead).isEqualTo(limit + 1);
        assertThat(storedEntries()).isEmpty();
        assertThat(unfinishedWrites()).isEmpty();
    }

    @Test
    void inputFailingHalfWayLeavesNothingBehind() throws Exception {
        IOException disconnect = new IOException("client disconnected");
        InputStream failing = new SequenceInputStream(new ByteArrayInputStream(randomBytes(3 * chunk() + 5)),
                new InputStream() {
                    @Override
                    public int read() throws IOException {
                        throw disconnect;
                    }
                });

        assertThatThrownBy(() -> store.write(failing, WriteLimit.UNLIMITED, NOTHING_BEFORE_PUBLISH)).isSameAs(disconnect);

        assertThat(storedEntries()).isEmpty();
        assertThat(unfinishedWrites()).isEmpty();
    }

    @Test
    void deleteRemovesTheBlobAndIsIdempotent() throws Exception {
        String sha = write(randomBytes(2 * chunk())).sha256();

        store.delete(sha);
        store.delete(sha);

        assertThat(store.exists(sha)).isFalse();
        assertThatThrownBy(() -> store.open(sha, 0, -1)).isInstanceOf(BlobNotFoundException.class);
        assertThat(storedEntries()).isEmpty();
    }

    @Test
    void readingAMissingBlobFails() throws Exception {
        assertThat(store.exists(MISSING)).isFalse();
        assertThatThrownBy(() -> store.size(MISSING)).isInstanceOf(BlobNotFoundException.class);
        assertThatThrownBy(() -> store.open(MISSING, 0, -1)).isInstanceOf(BlobNotFoundException.class);
        assertThatThrownBy(() -> store.open(MISSING, 5, 10)).isInstanceOf(BlobNotFoundException.class);
    }

    @ParameterizedTest
    @MethodSource("invalidIds")
    void invalidIdsAreRejectedByEveryOperation(String invalid) {
        assertThatThrownBy(() -> store.exists(invalid)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.size(invalid)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.open(invalid, 0, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.delete(invalid)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void listAllReturnsTheStoredBlobsOnly() throws Exception {
        String a = write(randomBytes(10)).sha256();
        String b = write(randomBytes(2 * chunk())).sha256();
        addStrayEntries();

        try (Stream<String> all = ((OrphanSweep) store).listAll()) {
            assertThat(all).containsExactlyInAnyOrder(a, b);
        }
    }

    protected StoredBlob write(byte[] content) throws IOException {
        return store.write(new ByteArrayInputStream(content), WriteLimit.UNLIMITED, NOTHING_BEFORE_PUBLISH);
    }

    protected byte[] readAll(String sha256, long offset, long length) throws IOException {
        try (InputStream in = store.open(sha256, offset, length)) {
            return in.readAllBytes();
        }
    }
}
