package dev.filehost.tus;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A PATCH body as the staging reads it: when the client's stream fails (it went away), the body
 * ends there as if complete, so that every byte that arrived before is staged rather than dropped
 * with a half-filled buffer; {@link #failure} then tells. A lost lease is no such failure: it
 * propagates, as the request must not touch the staged bytes any more.
 */
final class ArrivedBytes extends FilterInputStream {
    private IOException failure;
    private boolean ended;

    ArrivedBytes(InputStream body) {
        super(body);
    }

    @Override
    public int read() throws IOException {
        if (failure != null) {
            return -1;
        }
        try {
            int read = super.read();
            ended |= read == -1;
            return read;
        } catch (UploadLeases.LeaseLostException e) {
            throw e;
        } catch (IOException e) {
            failure = e;
            return -1;
        }
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        if (failure != null) {
            return -1;
        }
        try {
            int read = super.read(bytes, offset, length);
            ended |= read == -1;
            return read;
        } catch (UploadLeases.LeaseLostException e) {
            throw e;
        } catch (IOException e) {
            failure = e;
            return -1;
        }
    }

    /** Whether the client's stream ended as it should, having sent its whole body. */
    boolean isComplete() {
        return ended && failure == null;
    }

    boolean failed() {
        return failure != null;
    }

    /** The failure that ended the body early. */
    IOException failure() {
        return failure;
    }
}
