package dev.filehost.storage;

import java.io.InputStream;
import java.nio.file.Path;

/**
 * A process that opens a local store and writes a blob that never ends, for the tests of what a
 * crash leaves: its parent kills it while the write runs.
 */
public final class StalledWriter {
    private StalledWriter() {
    }

    public static void main(String[] args) throws Exception {
        LocalBlobStore store = LocalBlobStore.open(Path.of(args[0]));
        InputStream slow = new InputStream() {
            private long sent;

            @Override
            public int read() throws java.io.IOException {
                if (sent++ >= 1 << 20) {
                    // A client that stopped sending: the write waits for the next byte.
                    return System.in.read();
                }
                return 'x';
            }
        };
        store.write(slow, WriteLimit.UNLIMITED, blob -> { });
    }
}
