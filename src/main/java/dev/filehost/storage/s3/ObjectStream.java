package dev.filehost.storage.s3;

import java.io.FilterInputStream;
import java.io.IOException;
import software.amazon.awssdk.core.ResponseInputStream;

/**
 * The body of a GetObject. Closed before its end (a client that went away mid-download), it aborts
 * the connection: the HTTP client would otherwise read the rest of the object just to reuse it.
 */
final class ObjectStream extends FilterInputStream {

    private final ResponseInputStream<?> response;
    private long remaining;

    ObjectStream(ResponseInputStream<?> response, long length) {
        super(response);
        this.response = response;
        this.remaining = length;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        remaining = b < 0 ? 0 : remaining - 1;
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        remaining = n < 0 ? 0 : remaining - n;
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        remaining -= skipped;
        return skipped;
    }

    @Override
    public void close() throws IOException {
        if (remaining > 0) {
            response.abort();
        }
        super.close();
    }
}
