package dev.filehost.tus;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A PATCH body as the staging reads it: when the client's stream fails (it went away, or the
 * upload's lease was lost), the body ends there as if complete, so that every byte that arrived
 * before is staged rather than dropped with a half-filled buffer; {@link #rethrowFailure} then tells.
 */
final class ArrivedBytes extends FilterInputStream {
    private IOException failure;

    ArrivedBytes(InputStream body) {
        super(body);
    }

    @Override
    public int read() throws IOException {
        if (failure != null) {
            return -1;
        }
        try {
            return super.read();
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
            return super.read(bytes, offset, length);
        } catch (IOException e) {
            failure = e;
            return -1;
        }
    }

    /** The failure that ended the body early, if one did. */
    void rethrowFailure() throws IOException {
        if (failure != null) {
            throw failure;
        }
    }
}
