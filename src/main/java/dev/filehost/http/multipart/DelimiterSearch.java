package dev.filehost.http.multipart;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Finds the delimiter ({@code "\r\n--" + boundary}) in a byte range.
 *
 * <p>Looks for the delimiter's leading CR eight bytes at a time, then compares the rest. CR occurs
 * nowhere else in the delimiter, so the bytes matched by a failed comparison contain no CR and are
 * skipped by the next scan: the search stays linear even for content crafted to look like
 * boundaries.
 */
final class DelimiterSearch {

    private static final VarHandle LITTLE_ENDIAN_LONGS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ALL_CR = 0x0D0D0D0D0D0D0D0DL;
    private static final long LOW_BITS = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private final byte[] delimiter;

    DelimiterSearch(byte[] delimiter) {
        this.delimiter = delimiter.clone();
    }

    int length() {
        return delimiter.length;
    }

    /**
     * Returns the first index in {@code [from, to)} where the delimiter starts, or where a prefix
     * of it runs up to {@code to} (its rest may still arrive); {@code to} if there is none.
     */
    int firstCandidate(byte[] data, int from, int to) {
        for (int i = indexOfCr(data, from, to); i < to; i = indexOfCr(data, i + 1, to)) {
            int comparable = Math.min(delimiter.length, to - i);
            if (Arrays.equals(data, i, i + comparable, delimiter, 0, comparable)) {
                return i;
            }
        }
        return to;
    }

    private static int indexOfCr(byte[] data, int from, int to) {
        int i = from;
        for (; i <= to - Long.BYTES; i += Long.BYTES) {
            long crBytesZeroed = (long) LITTLE_ENDIAN_LONGS.get(data, i) ^ ALL_CR;
            // Classic "has zero byte" test; the lowest marker is exact, so it is the first CR.
            long zeroByteMarkers = (crBytesZeroed - LOW_BITS) & ~crBytesZeroed & HIGH_BITS;
            if (zeroByteMarkers != 0) {
                return i + (Long.numberOfTrailingZeros(zeroByteMarkers) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (data[i] == '\r') {
                return i;
            }
        }
        return to;
    }
}
