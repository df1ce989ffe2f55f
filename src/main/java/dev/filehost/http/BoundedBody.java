package dev.filehost.http;

import dev.filehost.core.Refusal;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A form body (urlencoded or multipart) read whole, at most {@link #MAX_BYTES}. A larger one is refused
 * after the rest of it is read, when that is at most {@link #MAX_DRAINED_BYTES}, so that a client still
 * sending gets the answer rather than a reset connection; one declared larger still is refused before a
 * byte is read, and the connection closes with the answer.
 */
final class BoundedBody extends FilterInputStream {
    static final int MAX_BYTES = 1 << 20;
    static final long MAX_DRAINED_BYTES = 16L << 20;
    static final String TOO_LARGE = "Could not read the request parameters. The request body is too large.";

    private long read;

    private BoundedBody(InputStream in) {
        super(in);
    }

    /** The body, refused at once when its declared length (-1: unknown) is past what is worth draining. */
    static InputStream of(InputStream in, long declaredLength) {
        if (declaredLength > MAX_DRAINED_BYTES) {
            throw Refusal.badInput(TOO_LARGE);
        }
        return new BoundedBody(in);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        read += Math.max(n, 0);
        if (read > MAX_BYTES) {
            drainUpTo(MAX_DRAINED_BYTES - read);
            throw Refusal.badInput(TOO_LARGE);
        }
        return n;
    }

    private void drainUpTo(long bytes) throws IOException {
        byte[] scratch = new byte[16 * 1024];
        long left = bytes;
        int n;
        while (left > 0 && (n = in.read(scratch, 0, (int) Math.min(scratch.length, left))) > 0) {
            left -= n;
        }
    }
}
