package dev.filehost.http.multipart;

import java.io.InputStream;
import java.util.Arrays;
import java.util.function.IntUnaryOperator;

/** Serves a byte array in reads whose sizes a function chooses, like a socket delivering packets. */
final class ChunkedInputStream extends InputStream {

    private final byte[] data;
    private final IntUnaryOperator chunkSizeAtOffset;
    private int pos;

    ChunkedInputStream(byte[] data, IntUnaryOperator chunkSizeAtOffset) {
        this.data = data;
        this.chunkSizeAtOffset = chunkSizeAtOffset;
    }

    /** Two reads: the first {@code splitAt} bytes, then the rest. */
    static ChunkedInputStream splitAt(byte[] data, int splitAt) {
        return new ChunkedInputStream(data, offset -> offset < splitAt ? splitAt - offset : data.length);
    }

    @Override
    public int read() {
        return pos < data.length ? data[pos++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] target, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        if (pos == data.length) {
            return -1;
        }
        int n = Math.min(Math.min(length, data.length - pos), Math.max(1, chunkSizeAtOffset.applyAsInt(pos)));
        System.arraycopy(data, pos, target, offset, n);
        pos += n;
        return n;
    }

    byte[] remaining() {
        return Arrays.copyOfRange(data, pos, data.length);
    }
}
