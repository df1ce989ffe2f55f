package dev.filehost.storage.s3;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * One part's bytes, reused from part to part. It starts small and doubles up to the part size, so a
 * small blob never costs a whole part of memory; its content is sent without being copied.
 */
final class PartBuffer extends ByteArrayOutputStream {

    private static final int GROWTH_STEPS = 64;

    PartBuffer(int partSize) {
        // Doubling from partSize / 64 (rounded up) reaches the part size in six steps, with little excess.
        super(Math.ceilDiv(partSize, GROWTH_STEPS));
    }

    /** The buffered bytes as a request body; the buffer must not change until the request is over. */
    RequestBody body() {
        byte[] bytes = buf;
        int length = count;
        // A fresh stream per attempt lets the SDK sign the payload and retry without a copy.
        return RequestBody.fromContentProvider(() -> new ByteArrayInputStream(bytes, 0, length), length,
                "application/octet-stream");
    }
}
