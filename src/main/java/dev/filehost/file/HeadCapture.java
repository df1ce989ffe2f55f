package dev.filehost.file;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/** Keeps a copy of the first bytes that pass through, so the type is detected without a second read. */
final class HeadCapture extends FilterInputStream {
    private final byte[] head;
    private int captured;

    HeadCapture(InputStream in, int size) {
        super(in);
        this.head = new byte[size];
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0 && captured < head.length) {
            head[captured++] = (byte) b;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0 && captured < head.length) {
            int copy = Math.min(n, head.length - captured);
            System.arraycopy(buffer, offset, head, captured, copy);
            captured += copy;
        }
        return n;
    }

    byte[] head() {
        return Arrays.copyOf(head, captured);
    }
}
