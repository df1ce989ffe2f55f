package dev.filehost.storage.s3;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * Copies an object to another key of the bucket inside the store, without its bytes passing through
 * this server: in one request up to S3's limit for that (5 GiB), beyond it as a multipart copy.
 */
final class ServerSideCopy {

    static final long MAX_SINGLE_COPY = 5L << 30;
    static final long COPY_PART_SIZE = 1L << 30;
    private static final int PARALLEL_PARTS = 4;

    private final S3Client s3;
    private final String bucket;
    private final long maxSingleCopy;
    private final long partSize;

    ServerSideCopy(S3Client s3, String bucket) {
        this(s3, bucket, MAX_SINGLE_COPY, COPY_PART_SIZE);
    }

    /** With other limits, so that tests reach the multipart path with small objects. */
    ServerSideCopy(S3Client s3, String bucket, long maxSingleCopy, long partSize) {
        this.s3 = s3;
        this.bucket = bucket;
        this.maxSingleCopy = maxSingleCopy;
        this.partSize = partSize;
    }

    void copy(String source, String target, long size) throws IOException {
        if (size <= maxSingleCopy) {
            S3Errors.call("copy", () -> s3.copyObject(b -> b.sourceBucket(bucket).sourceKey(source)
                    .destinationBucket(bucket).destinationKey(target)));
            return;
        }
        String uploadId = S3Errors.call("starting a multipart copy",
                () -> s3.createMultipartUpload(b -> b.bucket(bucket).key(target)).uploadId());
        try {
            List<CompletedPart> parts = copyParts(source, target, uploadId, size);
            S3Errors.call("completing a multipart copy", () -> s3.completeMultipartUpload(b -> b.bucket(bucket)
                    .key(target).uploadId(uploadId).multipartUpload(m -> m.parts(parts))));
        } catch (IOException | RuntimeException e) {
            abort(target, uploadId, e);
            throw e;
        }
    }

    private List<CompletedPart> copyParts(String source, String target, String uploadId, long size)
            throws IOException {
        List<Future<CompletedPart>> parts = new ArrayList<>();
        try (ExecutorService copiers = Executors.newFixedThreadPool(PARALLEL_PARTS, Thread.ofVirtual().factory())) {
            for (long offset = 0; offset < size; offset += partSize) {
                int number = parts.size() + 1;
                String range = "bytes=" + offset + "-" + (Math.min(offset + partSize, size) - 1);
                parts.add(copiers.submit(() -> copyPart(source, target, uploadId, number, range)));
            }
            List<CompletedPart> done = new ArrayList<>();
            try {
                for (Future<CompletedPart> part : parts) {
                    done.add(await(part));
                }
            } catch (IOException | RuntimeException e) {
                // Closing the executor waits for its tasks: stop the rest of the copy first.
                parts.forEach(part -> part.cancel(true));
                throw e;
            }
            return done;
        }
    }

    private CompletedPart copyPart(String source, String target, String uploadId, int number, String range)
            throws IOException {
        String etag = S3Errors.call("copying part " + number, () -> s3.uploadPartCopy(b -> b
                .sourceBucket(bucket).sourceKey(source).copySourceRange(range)
                .destinationBucket(bucket).destinationKey(target).uploadId(uploadId).partNumber(number))
                .copyPartResult().eTag());
        return CompletedPart.builder().partNumber(number).eTag(etag).build();
    }

    private static CompletedPart await(Future<CompletedPart> part) throws IOException {
        try {
            return part.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while copying");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    private void abort(String target, String uploadId, Exception failure) {
        try {
            s3.abortMultipartUpload(b -> b.bucket(bucket).key(target).uploadId(uploadId));
        } catch (SdkException e) {
            failure.addSuppressed(e);
        }
    }
}
