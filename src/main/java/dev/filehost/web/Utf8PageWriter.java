package dev.filehost.web;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Where a template renders to: its text encoded to UTF-8 as it is written, into one growing array,
 * without locks. A {@link java.io.StringWriter} locks on every write and leaves a string to encode and
 * copy again; a page of 100 files is about 3,000 writes and 100 KB.
 */
final class Utf8PageWriter extends Writer {
    /** From this many chars on, a text is encoded by {@link #writeBulk}. */
    private static final int BULK = 256;

    private byte[] bytes;
    private int length;
    /** A high surrogate whose low half is in the next write. */
    private char pendingHigh;

    /** {@code expectedSize}: what the same template took last time, so that a large page need not grow its array. */
    Utf8PageWriter(int expectedSize) {
        bytes = new byte[Math.max(expectedSize, 1024)];
    }

    int size() {
        return length;
    }

    @Override
    public void write(String text, int offset, int count) {
        if (count >= BULK && pendingHigh == 0 && !Character.isHighSurrogate(text.charAt(offset + count - 1))) {
            writeBulk(offset == 0 && count == text.length() ? text : text.substring(offset, offset + count));
            return;
        }
        int end = offset + count;
        int i = offset;
        if (pendingHigh == 0) {
            ensureRoom(count);
            i = copyAscii(text, offset, end);
        }
        // Room for the worst case of what is left only: a long ASCII text must not grow the array threefold.
        ensureRoom((end - i) * 3 + 4);
        for (; i < end; i++) {
            put(text.charAt(i));
        }
    }

    @Override
    public void write(char[] text, int offset, int count) {
        write(new String(text, offset, count), 0, count);
    }

    /** A long text (rows rendered before) the JDK's encoder copies whole, far faster than char by char. */
    private void writeBulk(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        ensureRoom(utf8.length);
        System.arraycopy(utf8, 0, bytes, length, utf8.length);
        length += utf8.length;
    }

    /** ASCII, nearly all of a page, in a loop the compiler keeps tight; returns where it stopped. */
    private int copyAscii(String text, int from, int end) {
        byte[] out = bytes;
        int at = length;
        int i = from;
        while (i < end) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                break;
            }
            out[at++] = (byte) c;
            i++;
        }
        length = at;
        return i;
    }

    @Override
    public void write(int c) {
        ensureRoom(7);
        put((char) c);
    }

    private void put(char c) {
        if (pendingHigh != 0) {
            char high = pendingHigh;
            pendingHigh = 0;
            if (Character.isLowSurrogate(c)) {
                int code = Character.toCodePoint(high, c);
                bytes[length++] = (byte) (0xF0 | code >> 18);
                bytes[length++] = (byte) (0x80 | code >> 12 & 0x3F);
                bytes[length++] = (byte) (0x80 | code >> 6 & 0x3F);
                bytes[length++] = (byte) (0x80 | code & 0x3F);
                return;
            }
            bytes[length++] = '?';
        }
        if (c < 0x80) {
            bytes[length++] = (byte) c;
        } else if (c < 0x800) {
            bytes[length++] = (byte) (0xC0 | c >> 6);
            bytes[length++] = (byte) (0x80 | c & 0x3F);
        } else if (Character.isHighSurrogate(c)) {
            pendingHigh = c;
        } else if (Character.isLowSurrogate(c)) {
            bytes[length++] = '?';
        } else {
            bytes[length++] = (byte) (0xE0 | c >> 12);
            bytes[length++] = (byte) (0x80 | c >> 6 & 0x3F);
            bytes[length++] = (byte) (0x80 | c & 0x3F);
        }
    }

    private void ensureRoom(int needed) {
        if (bytes.length - length < needed) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + needed));
        }
    }

    /** The page's bytes, without a copy; a surrogate left without its other half is a '?'. */
    InputStream content() {
        close();
        return new ByteArrayInputStream(bytes, 0, length);
    }

    /** The page as text, for the callers that keep it (the error pages of the transport). */
    String text() {
        close();
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        if (pendingHigh != 0) {
            pendingHigh = 0;
            ensureRoom(1);
            bytes[length++] = '?';
        }
    }
}
