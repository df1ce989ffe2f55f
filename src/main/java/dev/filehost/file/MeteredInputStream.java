package dev.filehost.file;

import io.micrometer.core.instrument.Counter;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Adds every byte read through it to a counter as it passes, so long transfers show up while they run. */
public final class MeteredInputStream extends FilterInputStream {
    private final Counter bytes;

    public MeteredInputStream(InputStream in, Counter bytes) {
        super(in);
        this.bytes = bytes;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            bytes.increment();
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            bytes.increment(n);
        }
        return n;
    }
}
