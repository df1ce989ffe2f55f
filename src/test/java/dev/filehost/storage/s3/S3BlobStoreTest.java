package dev.filehost.storage.s3;

import static dev.filehost.storage.BlobTestData.randomBytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.filehost.config.S3Settings;
import dev.filehost.storage.BlobStore;
import dev.filehost.storage.BlobStoreContract;
import dev.filehost.storage.StoredBlob;
import dev.filehost.storage.WriteLimit;
import dev.filehost.support.S3ProxyServer;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The blob store contract against a real S3 API (S3Proxy), with small parts so that a few MiB make
 * several, and what only S3 has: server-side copies in parts, abandoned multipart uploads.
 */
class S3BlobStoreTest extends BlobStoreContract {
    private static final int PART = 5 << 20;

    private final S3ProxyServer s3proxy = S3ProxyServer.shared();
    private final String bucket = S3ProxyServer.newBucket();
    private S3Client s3;

    @Override
    protected BlobStore openStore() {
        S3Settings settings = new S3Settings(s3proxy.endpoint(), bucket, "us-east-1", S3ProxyServer.ACCESS_KEY,
                S3ProxyServer.SECRET_KEY, true, PART);
        s3 = BucketConnector.client(settings);
        return S3BlobStore.open(settings);
    }

    @AfterEach
    void disconnect() {
        s3.close();
    }

    @Override
    protected int chunk() {
        return PART;
    }

    /** Every object under blobs/, so that one at a wrong key counts too. */
    @Override
    protected List<String> storedEntries() {
        return keys().filter(key -> key.startsWith("blobs/")).toList();
    }

    /** Objects outside blobs/ and multipart uploads not completed, by key. */
    @Override
    protected List<String> unfinishedWrites() {
        return Stream.concat(keys().filter(key -> !key.startsWith("blobs/")), uploads()).toList();
    }

    private Stream<String> uploads() {
        return s3.listMultipartUploads(r -> r.bucket(bucket)).uploads().stream().map(MultipartUpload::key);
    }

    @Override
    protected void addStrayEntries() {
        s3.putObject(r -> r.bucket(bucket).key("tmp/leftover"), RequestBody.fromBytes(new byte[] {1, 2, 3}));
        s3.putObject(r -> r.bucket(bucket).key("blobs/not-a-hash"), RequestBody.fromBytes(new byte[] {4}));
    }

    @Test
    void blobsBeyondTheSingleCopyLimitAreCopiedInParts() throws Exception {
        long copyPart = PART;
        S3BlobStore smallCopies = new S3BlobStore(s3, bucket, PART, new ServerSideCopy(s3, bucket, copyPart, copyPart));
        byte[] content = randomBytes((int) (2 * copyPart + 3));

        StoredBlob blob = smallCopies.write(new ByteArrayInputStream(content), WriteLimit.UNLIMITED, NOTHING_BEFORE_PUBLISH);

        assertThat(readAll(blob.sha256(), 0, -1)).isEqualTo(content);
        assertThat(storedEntries()).containsExactly("blobs/" + blob.sha256());
        assertThat(unfinishedWrites()).isEmpty();
    }

    @Test
    void sweepTemporaryRemovesStaleTemporaryObjectsAndUploadsOnly() throws Exception {
        S3BlobStore s3Store = (S3BlobStore) store;
        String stored = write(randomBytes(100)).sha256();
        s3.putObject(r -> r.bucket(bucket).key("tmp/leftover"), RequestBody.fromBytes(new byte[] {1, 2, 3}));
        String uploadId = s3.createMultipartUpload(r -> r.bucket(bucket).key("tmp/crashed")).uploadId();
        s3.uploadPart(r -> r.bucket(bucket).key("tmp/crashed").uploadId(uploadId).partNumber(1),
                RequestBody.fromBytes(randomBytes(PART)));

        assertThat(s3Store.sweepTemporary(Duration.ofHours(1))).isZero();
        assertThat(uploads()).containsExactly("tmp/crashed");

        assertThat(s3Store.sweepTemporary(Duration.ZERO)).isEqualTo(2);
        assertThat(keys()).containsExactly("blobs/" + stored);
        assertThat(unfinishedWrites()).isEmpty();
    }

    @Test
    void theStoreAnswersWhileItRuns() {
        assertThat(((S3BlobStore) store).isReachable()).isTrue();
    }

    private Stream<String> keys() {
        return s3.listObjectsV2Paginator(r -> r.bucket(bucket)).contents().stream().map(S3Object::key);
    }
}
