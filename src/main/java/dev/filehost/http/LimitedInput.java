package dev.filehost.http;

import dev.filehost.core.Refusal;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Refuses a form body past a size, so a call cannot make the server read without end. */
final class LimitedInput extends FilterInputStream {
    private final long limit;
    private long read;

    LimitedInput(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        count(b < 0 ? 0 : 1);
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        count(Math.max(n, 0));
        return n;
    }

    private void count(int n) {
        read += n;
        if (read > limit) {
            throw Refusal.badInput(ParamReader.TOO_LARGE);
        }
    }
}
