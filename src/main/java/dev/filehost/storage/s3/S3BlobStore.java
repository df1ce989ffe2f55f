package dev.filehost.storage.s3;

import dev.filehost.config.S3Settings;
import dev.filehost.storage.BlobIds;
import dev.filehost.storage.BlobNotFoundException;
import dev.filehost.storage.BlobStore;
import dev.filehost.storage.HashingCopy;
import dev.filehost.storage.OrphanSweep;
import dev.filehost.storage.RemoteStore;
import dev.filehost.storage.ResumableStaging;
import dev.filehost.storage.RunningDigests;
import dev.filehost.storage.StoredBlob;
import dev.filehost.storage.WriteLimit;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.pagination.sync.SdkIterable;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.Part;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Blob store in an S3 bucket (AWS, MinIO, Ceph, S3Proxy, ...), shared by every node of a cluster.
 *
 * <p>Layout: {@code blobs/<sha256>} holds a blob. A blob that fits in one part is hashed in memory and
 * put under its key in one request. A larger one streams as a multipart upload to {@code tmp/<uuid>},
 * since its key is known only at the end, and is then copied inside the store to its key; so a blob key
 * either holds the complete content or does not exist, and memory per write stays at two parts.
 * Resumable uploads are staged under {@code staging/} ({@link S3Staging}).
 */
public final class S3BlobStore implements BlobStore, OrphanSweep, RemoteStore, ResumableStaging, AutoCloseable {

    static final String BLOB_PREFIX = "blobs/";
    static final String TEMP_PREFIX = "tmp/";
    private static final Duration PING_TIMEOUT = Duration.ofSeconds(2);
    private static final int RANGE_NOT_SATISFIABLE = 416;

    private static final Logger log = LoggerFactory.getLogger(S3BlobStore.class);

    private final S3Client s3;
    private final String bucket;
    private final int partSize;
    private final ServerSideCopy copier;
    private final S3Staging staging;

    S3BlobStore(S3Client s3, String bucket, int partSize, ServerSideCopy copier) {
        this.s3 = s3;
        this.bucket = bucket;
        this.partSize = partSize;
        this.copier = copier;
        this.staging = new S3Staging(s3, bucket, partSize);
    }

    /**
     * Connects to the bucket, creating it when missing.
     *
     * @throws dev.filehost.config.SettingsException when the store cannot be reached or refuses access
     */
    public static S3BlobStore open(S3Settings settings) {
        S3Client s3 = BucketConnector.connect(settings);
        return new S3BlobStore(s3, settings.bucket(), settings.partSizeBytes(), new ServerSideCopy(s3, settings.bucket()));
    }

    @Override
    public Staged stage(InputStream in, WriteLimit limit) throws IOException {
        PartUploader upload = new PartUploader(s3, bucket, TEMP_PREFIX + UUID.randomUUID(), partSize);
        try {
            return new StagedUpload(upload, HashingCopy.copy(in, upload, limit));
        } catch (Throwable failure) {
            upload.close();
            throw failure;
        }
    }

    /**
     * The parts sent so far (or the one part held in memory), published by completing the upload and
     * copying it to its blob key, or by one put of the whole content.
     */
    private final class StagedUpload implements Staged {
        private final PartUploader upload;
        private final StoredBlob blob;

        StagedUpload(PartUploader upload, StoredBlob blob) {
            this.upload = upload;
            this.blob = blob;
        }

        @Override
        public StoredBlob blob() {
            return blob;
        }

        @Override
        public void publish(BeforePublish beforePublish) throws IOException {
            beforePublish.run(blob);
            if (upload.isMultipart()) {
                moveIntoPlace(upload.complete(), blob);
            } else if (!exists(blob.sha256())) {
                upload.putWhole(keyOf(blob.sha256()), blob.md5());
            }
        }

        /** Aborts the multipart upload unless it completed; content held in memory just goes. */
        @Override
        public void close() {
            upload.close();
        }
    }

    @Override
    public void createStaged(String id) throws IOException {
        staging.create(id);
    }

    @Override
    public long append(String id, long offset, InputStream in, WriteLimit limit, RunningDigests digests,
                       BooleanSupplier keep) throws IOException {
        return staging.append(id, offset, in, limit, digests, keep);
    }

    @Override
    public long stagedSize(String id) throws IOException {
        return staging.stagedSize(id);
    }

    @Override
    public StoredBlob publish(String id, Optional<StoredBlob> known, BeforePublish beforePublish) throws IOException {
        return staging.publish(id, known, beforePublish, this);
    }

    @Override
    public void deleteStaged(String id) throws IOException {
        staging.delete(id);
    }

    @Override
    public boolean exists(String sha256) throws IOException {
        String key = keyOf(sha256);
        try {
            s3.headObject(b -> b.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (SdkException e) {
            throw S3Errors.io("head", e);
        }
    }

    @Override
    public long size(String sha256) throws IOException {
        String key = keyOf(sha256);
        try {
            return s3.headObject(b -> b.bucket(bucket).key(key)).contentLength();
        } catch (NoSuchKeyException e) {
            throw new BlobNotFoundException(sha256);
        } catch (SdkException e) {
            throw S3Errors.io("head", e);
        }
    }

    @Override
    public InputStream open(String sha256, long offset, long length) throws IOException {
        String key = keyOf(sha256);
        if (offset < 0 || length < -1) {
            throw new IllegalArgumentException("invalid range: offset " + offset + ", length " + length);
        }
        if (length == 0 || length > Long.MAX_VALUE - offset) {
            // Nothing to fetch, or a range no blob can hold (its last byte would overflow the header).
            requireInBlob(sha256, offset, length);
            return InputStream.nullInputStream();
        }
        GetObjectRequest.Builder request = GetObjectRequest.builder().bucket(bucket).key(key);
        if (offset > 0 || length > 0) {
            request.range("bytes=" + offset + "-" + (length == -1 ? "" : Long.toString(offset + length - 1)));
        }
        ResponseInputStream<GetObjectResponse> body;
        try {
            body = s3.getObject(request.build());
        } catch (NoSuchKeyException e) {
            throw new BlobNotFoundException(sha256);
        } catch (SdkException e) {
            if (!S3Errors.hasStatus(e, RANGE_NOT_SATISFIABLE)) {
                throw S3Errors.io("get", e);
            }
            // Only "from the very end to the end" is an empty range S3 refuses but the contract allows.
            requireInBlob(sha256, offset, length);
            return InputStream.nullInputStream();
        }
        long blobSize = blobSizeOf(body.response());
        if (!fits(offset, length, blobSize)) {
            body.abort();
            body.close();
            throw rangeExceeds(offset, length, blobSize);
        }
        return new ObjectStream(body, body.response().contentLength());
    }

    @Override
    public Optional<Instant> lastModified(String sha256) throws IOException {
        String key = keyOf(sha256);
        try {
            return Optional.of(s3.headObject(b -> b.bucket(bucket).key(key)).lastModified());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw S3Errors.io("head", e);
        }
    }

    @Override
    public void delete(String sha256) throws IOException {
        String key = keyOf(sha256);
        S3Errors.call("delete", () -> s3.deleteObject(b -> b.bucket(bucket).key(key)));
    }

    @Override
    public Stream<String> listAll() {
        return lazily(s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(BLOB_PREFIX)).contents())
                .map(object -> object.key().substring(BLOB_PREFIX.length()))
                .filter(BlobIds::isValid);
    }

    /** Removes temporary objects and aborts multipart uploads that saw no new part for {@code olderThan}. */
    @Override
    public int sweepTemporary(Duration olderThan) throws IOException {
        Instant cutoff = Instant.now().minus(olderThan);
        int removed = 0;
        try {
            for (S3Object temp : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(TEMP_PREFIX)).contents()) {
                if (temp.lastModified().isBefore(cutoff)) {
                    s3.deleteObject(b -> b.bucket(bucket).key(temp.key()));
                    log.info("Removed stale temporary object {}", temp.key());
                    removed++;
                }
            }
            for (MultipartUpload upload : s3.listMultipartUploadsPaginator(b -> b.bucket(bucket).prefix(TEMP_PREFIX))
                    .uploads()) {
                if (lastActivity(upload).isBefore(cutoff)) {
                    s3.abortMultipartUpload(b -> b.bucket(bucket).key(upload.key()).uploadId(upload.uploadId()));
                    log.info("Aborted stale multipart upload of {}", upload.key());
                    removed++;
                }
            }
        } catch (SdkException e) {
            throw S3Errors.io("sweep of temporary objects", e);
        }
        return removed;
    }

    @Override
    public boolean isReachable() {
        try {
            s3.headBucket(b -> b.bucket(bucket).overrideConfiguration(c -> c.apiCallTimeout(PING_TIMEOUT)));
            return true;
        } catch (SdkException e) {
            log.debug("S3 bucket {} does not answer: {}", bucket, e.getMessage());
            return false;
        }
    }

    @Override
    public void close() {
        s3.close();
    }

    /** Copies the completed upload to its blob key unless an identical blob is there, then drops it. */
    void moveIntoPlace(String tempKey, StoredBlob blob) throws IOException {
        try {
            // A concurrent writer of the same content may copy too; the bytes are identical either way.
            if (!exists(blob.sha256())) {
                copier.copy(tempKey, keyOf(blob.sha256()), blob.size());
            }
        } finally {
            try {
                s3.deleteObject(b -> b.bucket(bucket).key(tempKey));
            } catch (SdkException e) {
                log.warn("Could not remove temporary object {}; the sweep of temporary objects will: {}",
                        tempKey, e.getMessage());
            }
        }
    }

    /** When the upload last received a part; its start time alone would also catch slow live uploads. */
    private Instant lastActivity(MultipartUpload upload) {
        return s3.listPartsPaginator(b -> b.bucket(bucket).key(upload.key()).uploadId(upload.uploadId())).parts()
                .stream().map(Part::lastModified).max(Comparator.naturalOrder()).orElse(upload.initiated());
    }

    private void requireInBlob(String sha256, long offset, long length) throws IOException {
        long blobSize = size(sha256);
        if (!fits(offset, length, blobSize)) {
            throw rangeExceeds(offset, length, blobSize);
        }
    }

    /** Compared without adding offset and length, which may overflow. */
    private static boolean fits(long offset, long length, long blobSize) {
        return offset <= blobSize && (length == -1 || length <= blobSize - offset);
    }

    /** The whole blob's size: after the slash of a Content-Range, else the body's length. */
    private static long blobSizeOf(GetObjectResponse response) {
        String contentRange = response.contentRange();
        return contentRange == null
                ? response.contentLength()
                : Long.parseLong(contentRange.substring(contentRange.lastIndexOf('/') + 1));
    }

    private static IllegalArgumentException rangeExceeds(long offset, long length, long blobSize) {
        return new IllegalArgumentException(
                "range offset " + offset + ", length " + length + " exceeds blob size " + blobSize);
    }

    private static String keyOf(String sha256) {
        return BLOB_PREFIX + BlobIds.requireValid(sha256);
    }

    /** A lazily paged listing as a stream whose request failures are unchecked I/O errors. */
    private static <T> Stream<T> lazily(SdkIterable<T> pages) {
        Iterator<T> items = pages.iterator();
        Iterator<T> unchecked = new Iterator<>() {
            @Override
            public boolean hasNext() {
                try {
                    return items.hasNext();
                } catch (SdkException e) {
                    throw new UncheckedIOException(S3Errors.io("listing", e));
                }
            }

            @Override
            public T next() {
                try {
                    return items.next();
                } catch (SdkException e) {
                    throw new UncheckedIOException(S3Errors.io("listing", e));
                }
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(unchecked, Spliterator.ORDERED), false);
    }
}
