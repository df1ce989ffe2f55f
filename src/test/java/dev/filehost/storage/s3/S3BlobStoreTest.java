package dev.filehost.storage.s3;

import static dev.filehost.storage.BlobTestData.hex;
import static dev.filehost.storage.BlobTestData.randomBytes;
import static dev.filehost.storage.BlobTestData.slice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.filehost.config.S3Settings;
import dev.filehost.storage.BlobNotFoundException;
import dev.filehost.storage.BlobStore;
import dev.filehost.storage.BlobTestData;
import dev.filehost.storage.BlobTooLargeException;
import dev.filehost.storage.StoredBlob;
import dev.filehost.storage.WriteLimit;
import dev.filehost.support.S3ProxyServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The S3 store against a real S3 API (S3Proxy), with small parts so that a few MiB make several. */
class S3BlobStoreTest {
    private static final BlobStore.BeforePublish NOTHING_BEFORE_PUBLISH = blob -> { };
    private static final int PART = 5 << 20;

    private final S3ProxyServer s3proxy = S3ProxyServer.shared();
    private final String bucket = S3ProxyServer.newBucket();
    private S3Client s3;
    private S3BlobStore store;

    @BeforeEach
    void connect() {
        S3Settings settings = new S3Settings(s3proxy.endpoint(), bucket, "us-east-1", S3ProxyServer.ACCESS_KEY,
                S3ProxyServer.SECRET_KEY, true, PART);
        store = S3BlobStore.open(settings);
        s3 = BucketConnector.client(settings);
    }

    @AfterEach
    void disconnect() {
        store.close();
        s3.close();
    }

    @Test
    void aBlobOfSeveralPartsComesBackExactlyWithItsDigests() throws Exception {
        byte[] content = randomBytes(3 * PART + 12345);

        StoredBlob blob = write(content);

        assertThat(blob.sha256()).isEqualTo(hex("SHA-256", content));
        assertThat(blob.md5()).isEqualTo(hex("MD5", content));
        assertThat(blob.size()).isEqualTo(content.length);
        assertThat(store.exists(blob.sha256())).isTrue();
        assertThat(store.size(blob.sha256())).isEqualTo(content.length);
        assertThat(readAll(blob.sha256(), 0, -1)).isEqualTo(content);
        assertThat(keys()).containsExactly("blobs/" + blob.sha256());
        assertThat(multipartUploads()).isEmpty();
    }

    @Test
    void stagedPartsWaitAsAMultipartUploadAndGoWhenTheStageClosesUnpublished() throws Exception {
        byte[] content = randomBytes(2 * PART + 100);
        try (BlobStore.Staged staged = store.stage(new ByteArrayInputStream(content), WriteLimit.UNLIMITED)) {
            assertThat(staged.blob().md5()).isEqualTo(hex("MD5", content));
            assertThat(multipartUploads()).hasSize(1);
            assertThat(keys()).noneMatch(key -> key.startsWith("blobs/"));
        }

        assertThat(multipartUploads()).isEmpty();
        assertThat(keys()).isEmpty();
    }

    @Test
    void blobsOfAtMostOnePartAndTheEmptyBlobComeBackExactly() throws Exception {
        for (byte[] content : List.of(new byte[0], randomBytes(1000), randomBytes(PART))) {
            StoredBlob blob = write(content);

            assertThat(readAll(blob.sha256(), 0, -1)).isEqualTo(content);
            assertThat(store.size(blob.sha256())).isEqualTo(content.length);
        }
        assertThat(keys()).hasSize(3).allMatch(key -> key.startsWith("blobs/"));
    }

    @Test
    void openReadsTheRequestedRange() throws Exception {
        byte[] content = randomBytes(2 * PART + 100);
        String sha = write(content).sha256();

        assertThat(readAll(sha, PART - 10, 20)).isEqualTo(slice(content, PART - 10, PART + 10));
        assertThat(readAll(sha, 2 * PART, -1)).isEqualTo(slice(content, 2 * PART, content.length));
        assertThat(readAll(sha, 0, content.length)).isEqualTo(content);
        assertThat(readAll(sha, content.length, -1)).isEmpty();
        assertThat(readAll(sha, content.length, 0)).isEmpty();
    }

    @Test
    void openRejectsRangesOutsideTheBlobAndMissingBlobs() throws Exception {
        String sha = write(randomBytes(1000)).sha256();
        String missing = "0".repeat(64);

        assertThatThrownBy(() -> store.open(sha, -1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.open(sha, 1001, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.open(sha, 990, 11)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.open(sha, 1, Long.MAX_VALUE - 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.exists(missing)).isFalse();
        assertThatThrownBy(() -> store.size(missing)).isInstanceOf(BlobNotFoundException.class);
        assertThatThrownBy(() -> store.open(missing, 0, -1)).isInstanceOf(BlobNotFoundException.class);
        assertThatThrownBy(() -> store.open(missing, 5, 10)).isInstanceOf(BlobNotFoundException.class);
    }

    @Test
    void aDownloadClosedEarlyLeavesTheStoreUsable() throws Exception {
        byte[] content = randomBytes(3 * PART);
        String sha = write(content).sha256();

        try (InputStream in = store.open(sha, 0, -1)) {
            assertThat(in.readNBytes(10)).isEqualTo(slice(content, 0, 10));
        }

        assertThat(readAll(sha, 10, 10)).isEqualTo(slice(content, 10, 20));
    }

    @Test
    void identicalContentIsStoredOnce() throws Exception {
        byte[] large = randomBytes(2 * PART + 1);
        byte[] small = randomBytes(100);

        assertThat(write(large)).isEqualTo(write(large));
        assertThat(write(small)).isEqualTo(write(small));

        assertThat(keys()).hasSize(2).allMatch(key -> key.startsWith("blobs/"));
        assertThat(multipartUploads()).isEmpty();
    }

    @Test
    void deleteRemovesTheBlobAndIsIdempotent() throws Exception {
        String sha = write(randomBytes(2 * PART)).sha256();

        store.delete(sha);
        store.delete(sha);

        assertThat(store.exists(sha)).isFalse();
        assertThatThrownBy(() -> store.open(sha, 0, -1)).isInstanceOf(BlobNotFoundException.class);
        assertThat(keys()).isEmpty();
    }

    @Test
    void exceedingTheLimitStopsReadingAbortsAndLeavesNothing() throws Exception {
        long limit = 3L * PART + 7;
        BlobTestData.EndlessInputStream endless = new BlobTestData.EndlessInputStream();

        assertThatThrownBy(() -> store.write(endless, WriteLimit.ofBytes(limit), NOTHING_BEFORE_PUBLISH))
                .isInstanceOf(BlobTooLargeException.class);

        assertThat(endless.bytesRead).isEqualTo(limit + 1);
        assertThat(keys()).isEmpty();
        assertThat(multipartUploads()).isEmpty();
    }

    @Test
    void inputFailingHalfWayAbortsAndLeavesNothing() throws Exception {
        IOException disconnect = new IOException("client disconnected");
        InputStream failing = new SequenceInputStream(new ByteArrayInputStream(randomBytes(3 * PART + 5)),
                new InputStream() {
                    @Override
                    public int read() throws IOException {
                        throw disconnect;
                    }
                });

        assertThatThrownBy(() -> store.write(failing, WriteLimit.UNLIMITED, NOTHING_BEFORE_PUBLISH)).isSameAs(disconnect);

        assertThat(keys()).isEmpty();
        assertThat(multipartUploads()).isEmpty();
    }

    @Test
    void blobsBeyondTheSingleCopyLimitAreCopiedInParts() throws Exception {
        long copyPart = PART;
        S3BlobStore smallCopies = new S3BlobStore(s3, bucket, PART, new ServerSideCopy(s3, bucket, copyPart, copyPart));
        byte[] content = randomBytes((int) (2 * copyPart + 3));

        StoredBlob blob = smallCopies.write(new ByteArrayInputStream(content), WriteLimit.UNLIMITED, NOTHING_BEFORE_PUBLISH);

        assertThat(readAll(blob.sha256(), 0, -1)).isEqualTo(content);
        assertThat(keys()).containsExactly("blobs/" + blob.sha256());
        assertThat(multipartUploads()).isEmpty();
    }

    @Test
    void listAllReturnsTheStoredBlobsOnly() throws Exception {
        String a = write(randomBytes(10)).sha256();
        String b = write(randomBytes(2 * PART)).sha256();
        s3.putObject(r -> r.bucket(bucket).key("tmp/leftover"), RequestBody.fromBytes(new byte[] {1, 2, 3}));
        s3.putObject(r -> r.bucket(bucket).key("blobs/not-a-hash"), RequestBody.fromBytes(new byte[] {4}));

        try (Stream<String> all = store.listAll()) {
            assertThat(all).containsExactlyInAnyOrder(a, b);
        }
    }

    @Test
    void sweepTemporaryRemovesStaleTemporaryObjectsAndUploadsOnly() throws Exception {
        String stored = write(randomBytes(100)).sha256();
        s3.putObject(r -> r.bucket(bucket).key("tmp/leftover"), RequestBody.fromBytes(new byte[] {1, 2, 3}));
        String uploadId = s3.createMultipartUpload(r -> r.bucket(bucket).key("tmp/crashed")).uploadId();
        s3.uploadPart(r -> r.bucket(bucket).key("tmp/crashed").uploadId(uploadId).partNumber(1),
                RequestBody.fromBytes(randomBytes(PART)));

        assertThat(store.sweepTemporary(Duration.ofHours(1))).isZero();
        assertThat(multipartUploads()).hasSize(1);

        assertThat(store.sweepTemporary(Duration.ZERO)).isEqualTo(2);
        assertThat(keys()).containsExactly("blobs/" + stored);
        assertThat(multipartUploads()).isEmpty();
    }

    @Test
    void theStoreAnswersWhileItRuns() {
        assertThat(store.isReachable()).isTrue();
    }

    private StoredBlob write(byte[] content) throws IOException {
        return store.write(new ByteArrayInputStream(content), WriteLimit.UNLIMITED, NOTHING_BEFORE_PUBLISH);
    }

    private byte[] readAll(String sha256, long offset, long length) throws IOException {
        try (InputStream in = store.open(sha256, offset, length)) {
            return in.readAllBytes();
        }
    }

    private List<String> keys() {
        return s3.listObjectsV2Paginator(r -> r.bucket(bucket)).contents().stream().map(S3Object::key).toList();
    }

    private List<MultipartUpload> multipartUploads() {
        return s3.listMultipartUploads(r -> r.bucket(bucket)).uploads();
    }
}
