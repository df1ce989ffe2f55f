package dev.filehost.http.multipart;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds the delimiter ({@code "\r\n--" + boundary}) in a byte range.
 *
 * <p>Scans eight bytes at a time for the delimiter's leading CR and compares the rest only there.
 * CR occurs nowhere else in the delimiter, so the bytes matched by a failed comparison hold no CR
 * and the next scan passes them quickly: the work stays linear even for content crafted to look
 * like boundaries.
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
            if (matchesAt(data, i, to)) {
                return i;
            }
        }
        return to;
    }

    private boolean matchesAt(byte[] data, int start, int to) {
        int length = Math.min(delimiter.length, to - start);
        // Most CRs in content end text lines and are followed by LF and a letter. Rejecting those
        // before the loop saves its setup, which would dominate when CRs are dense.
        if (length > 2 && (data[start + 1] != delimiter[1] || data[start + 2] != delimiter[2])) {
            return false;
        }
        for (int j = 1; j < length; j++) {
            if (data[start + j] != delimiter[j]) {
                return false;
            }
        }
        return true;
    }

    /** Kept to a single exit so the JIT compiles it to a tight loop whatever content it has seen. */
    private static int indexOfCr(byte[] data, int from, int to) {
        int i = from;
        for (; i <= to - Long.BYTES; i += Long.BYTES) {
            long crBytesZeroed = (long) LITTLE_ENDIAN_LONGS.get(data, i) ^ ALL_CR;
            // The classic "has a zero byte" test; its lowest marker is exact, so it is the first CR.
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
