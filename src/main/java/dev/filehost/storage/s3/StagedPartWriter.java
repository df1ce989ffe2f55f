package dev.filehost.storage.s3;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Fills parts of a staged upload's multipart upload: each full part is sent as the next part; what
 * is left below a part's size at the end becomes the new tail. Memory: one part.
 */
final class StagedPartWriter extends OutputStream {
    private final S3Client s3;
    private final String bucket;
    private final String key;
    private final String uploadId;
    private final byte[] part;
    private final List<StagedState.StagedPart> sent = new ArrayList<>();
    private int nextNumber;
    private int filled;

    StagedPartWriter(S3Client s3, String bucket, String key, String uploadId, int partSize, int firstNumber) {
        this.s3 = s3;
        this.bucket = bucket;
        this.key = key;
        this.uploadId = uploadId;
        this.part = new byte[partSize];
        this.nextNumber = firstNumber;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        while (length > 0) {
            int taken = Math.min(length, part.length - filled);
            System.arraycopy(bytes, offset, part, filled, taken);
            filled += taken;
            offset += taken;
            length -= taken;
            if (filled == part.length) {
                sent.add(send(s3, bucket, key, uploadId, nextNumber++, part, filled));
                filled = 0;
            }
        }
    }

    /** The parts sent so far, in order. */
    List<StagedState.StagedPart> sent() {
        return List.copyOf(sent);
    }

    /** The bytes below a part's size that wait for the next append: the tail. */
    RequestBody tail() {
        return body(part, filled);
    }

    int tailSize() {
        return filled;
    }

    /** Sends {@code length} bytes as part {@code number} of the staged upload. */
    static StagedState.StagedPart send(S3Client s3, String bucket, String key, String uploadId, int number,
                                       byte[] bytes, int length) throws IOException {
        String etag = S3Errors.call("uploading staged part " + number, () -> s3.uploadPart(b -> b.bucket(bucket)
                .key(key).uploadId(uploadId).partNumber(number), body(bytes, length)).eTag());
        return new StagedState.StagedPart(number, length, etag);
    }

    /** The bytes as a request body, sent without a copy; a fresh stream per attempt lets the SDK retry. */
    static RequestBody body(byte[] bytes, int length) {
        return RequestBody.fromContentProvider(() -> new ByteArrayInputStream(bytes, 0, length), length,
                "application/octet-stream");
    }
}
