package dev.filehost.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;

/** Reads at most a fixed number of bytes of a file from its current position, then reports end of stream. */
final class BoundedChannel implements ReadableByteChannel {

    private final FileChannel file;
    private long remaining;

    BoundedChannel(FileChannel file, long limit) {
        this.file = file;
        this.remaining = limit;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        if (remaining <= 0) {
            return -1;
        }
        if (!dst.hasRemaining()) {
            return 0;
        }
        int limit = dst.limit();
        dst.limit(dst.position() + (int) Math.min(dst.remaining(), remaining));
        try {
            int n = file.read(dst);
            if (n > 0) {
                remaining -= n;
            }
            return n;
        } finally {
            dst.limit(limit);
        }
    }

    @Override
    public boolean isOpen() {
        return file.isOpen();
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
