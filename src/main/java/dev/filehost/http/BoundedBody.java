package dev.filehost.http;

import dev.filehost.core.Refusal;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;

/**
 * A form body (urlencoded or multipart) read whole, at most {@link #MAX_BYTES}; one declared larger than
 * {@link #MAX_DRAINED_BYTES} is refused before a byte is read, and the connection closes with the answer.
 * Before any other refusal of the body the rest of it is read ({@link #drainRest}), up to that bound, so
 * that a client still sending gets the answer rather than a reset connection. A streaming call's body
 * starts with the same bound and moves it once its file part is let in.
 */
final class BoundedBody extends FilterInputStream {
    static final int MAX_BYTES = 1 << 20;
    static final long MAX_DRAINED_BYTES = 16L << 20;
    static final String TOO_LARGE = "Could not read the request parameters. The request body is too large.";

    private long read;
    private long limit = MAX_BYTES;
    private Supplier<Refusal> refusal = () -> Refusal.badInput(TOO_LARGE);

    private BoundedBody(InputStream in) {
        super(in);
    }

    /**
     * The body of a streaming call, whatever its declared length: bounded as a form until its file part
     * is let in ({@link #limitTo}), or until the caller is known ({@link #lift}).
     */
    static BoundedBody streaming(InputStream in) {
        return new BoundedBody(in);
    }

    /** The body, refused at once when its declared length (-1: unknown) is past what is worth draining. */
    static BoundedBody of(InputStream in, long declaredLength) {
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
        if (read > limit) {
            throw refusal.get();
        }
        return n;
    }

    /** From now on at most {@code bytes} in all, refused past them with {@code past}. */
    void limitTo(long bytes, Supplier<Refusal> past) {
        limit = bytes;
        refusal = past;
    }

    /** The caller is known: the package's limits take over. */
    void lift() {
        limit = Long.MAX_VALUE;
    }

    /** Reads what is left of a refused body, unless the whole is past {@link #MAX_DRAINED_BYTES}. */
    void drainRest() {
        byte[] scratch = new byte[16 * 1024];
        try {
            int n;
            while (read < MAX_DRAINED_BYTES
                    && (n = in.read(scratch, 0, (int) Math.min(scratch.length, MAX_DRAINED_BYTES - read))) > 0) {
                read += n;
            }
        } catch (IOException clientGone) {
            // Nobody is left to answer.
        }
    }
}
