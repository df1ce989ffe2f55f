package dev.filehost.storage;

import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;

/** Content and digests for the tests of every blob store. */
public final class BlobTestData {
    private BlobTestData() {
    }

    /** The same bytes for the same size, so a failure can be reproduced. */
    public static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    public static byte[] slice(byte[] bytes, int from, int to) {
        return Arrays.copyOfRange(bytes, from, to);
    }

    public static String hex(String algorithm, byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content));
    }

    /** Would never end; counts how much of it the store consumed. */
    public static final class EndlessInputStream extends InputStream {
        public long bytesRead;

        @Override
        public int read() {
            bytesRead++;
            return 0;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            bytesRead += len;
            return len;
        }
    }
}
