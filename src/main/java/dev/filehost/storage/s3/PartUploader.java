package dev.filehost.storage.s3;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * The bytes of one write, sent to S3 as a multipart upload to a temporary key while they arrive. One
 * part buffer fills while the previous part is sent, so reading the client and writing to S3 overlap
 * and memory stays at two parts whatever the size.
 *
 * <p>Nothing is sent until more than one part has arrived: content that fits in a single part stays
 * in memory, for one plain put under its final key once its hash is known ({@link #putWhole}).
 * Closing before {@link #complete} aborts the multipart upload, so a failed write leaves nothing.
 */
final class PartUploader extends OutputStream {

    /** S3 numbers parts 1 to 10,000. */
    static final int MAX_PARTS = 10_000;

    private static final Logger log = LoggerFactory.getLogger(PartUploader.class);

    private final S3Client s3;
    private final String bucket;
    private final String tempKey;
    private final int partSize;
    private final ExecutorService sender = Executors.newVirtualThreadPerTaskExecutor();
    private final List<CompletedPart> sent = new ArrayList<>();
    private PartBuffer filling;
    private PartBuffer spare;
    private Future<CompletedPart> pending;
    private String uploadId;
    private boolean completed;

    PartUploader(S3Client s3, String bucket, String tempKey, int partSize) {
        this.s3 = s3;
        this.bucket = bucket;
        this.tempKey = tempKey;
        this.partSize = partSize;
        this.filling = new PartBuffer(partSize);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        while (length > 0) {
            // A full part is sent only when more bytes follow, so a blob of exactly one part stays whole.
            if (filling.size() == partSize) {
                sendFilledPart();
            }
            int n = Math.min(length, partSize - filling.size());
            filling.write(bytes, offset, n);
            offset += n;
            length -= n;
        }
    }

    /** True once the content outgrew one part and went to a multipart upload. */
    boolean isMultipart() {
        return uploadId != null;
    }

    /** Sends the last part and completes the upload; returns the temporary key now holding the content. */
    String complete() throws IOException {
        awaitPending();
        CompletedPart last = uploadPart(filling, nextPartNumber());
        sent.add(last);
        S3Errors.call("completing a multipart upload", () -> s3.completeMultipartUpload(b -> b.bucket(bucket).key(tempKey)
                .uploadId(uploadId).multipartUpload(m -> m.parts(sent))));
        completed = true;
        return tempKey;
    }

    /** Puts content that fit in one part under {@code key} in a single request, checked against its MD5. */
    void putWhole(String key, String md5Hex) throws IOException {
        String contentMd5 = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(md5Hex));
        S3Errors.call("put", () -> s3.putObject(b -> b.bucket(bucket).key(key).contentMD5(contentMd5), filling.body()));
    }

    /** Aborts the multipart upload unless it completed; a failure here only leaves work for the sweep. */
    @Override
    public void close() {
        try {
            if (uploadId != null && !completed) {
                awaitQuietly();
                s3.abortMultipartUpload(b -> b.bucket(bucket).key(tempKey).uploadId(uploadId));
            }
        } catch (SdkException e) {
            log.warn("Could not abort multipart upload of {}; the sweep of temporary objects will: {}",
                    tempKey, e.getMessage());
        } finally {
            sender.close();
        }
    }

    private void sendFilledPart() throws IOException {
        if (uploadId == null) {
            uploadId = S3Errors.call("starting a multipart upload",
                    () -> s3.createMultipartUpload(b -> b.bucket(bucket).key(tempKey)).uploadId());
        }
        awaitPending();
        int number = nextPartNumber();
        PartBuffer full = filling;
        pending = sender.submit(() -> uploadPart(full, number));
        // The spare's part has been sent (awaited above), so it is free to fill.
        filling = spare != null ? spare : new PartBuffer(partSize);
        filling.reset();
        spare = full;
    }

    private int nextPartNumber() throws IOException {
        int number = sent.size() + 1;
        if (number > MAX_PARTS) {
            throw new IOException("blob exceeds S3's " + MAX_PARTS + " parts of " + partSize
                    + " bytes; raise the part size");
        }
        return number;
    }

    private CompletedPart uploadPart(PartBuffer part, int number) throws IOException {
        String etag = S3Errors.call("uploading part " + number, () -> s3.uploadPart(b -> b.bucket(bucket).key(tempKey)
                .uploadId(uploadId).partNumber(number), part.body()).eTag());
        return CompletedPart.builder().partNumber(number).eTag(etag).build();
    }

    private void awaitPending() throws IOException {
        if (pending == null) {
            return;
        }
        try {
            sent.add(pending.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while sending a part");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } finally {
            pending = null;
        }
    }

    /** Waits for a part still being sent, so that it cannot land after the abort. */
    private void awaitQuietly() {
        try {
            awaitPending();
        } catch (IOException e) {
            log.debug("Part of {} failed before the abort: {}", tempKey, e.getMessage());
        }
    }
}
