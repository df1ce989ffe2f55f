package dev.filehost.http.multipart;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * The request body seen as sections separated by boundary delimiters. Reads the stream into one
 * fixed buffer and hands out slices of it, so memory stays constant however large a part is.
 */
final class DelimitedInput {

    private final InputStream in;
    private final DelimiterSearch delimiter;
    private final byte[] buffer;
    private int pos;
    private int limit;
    /** Bytes from {@code pos} on that are known to belong to the current section. */
    private int sectionAvailable;
    /** Whether the delimiter starts right after those bytes. */
    private boolean atDelimiter;
    private boolean sawDelimiter;

    /** @param bufferSize must exceed every header block accepted by {@link #readHeaderBlock} */
    DelimitedInput(InputStream in, Boundary boundary, int bufferSize) {
        this.in = in;
        this.delimiter = new DelimiterSearch(boundary.delimiter());
        this.buffer = new byte[bufferSize];
        // Pretending the body starts with CRLF lets one search find an opening boundary at offset 0.
        buffer[0] = '\r';
        buffer[1] = '\n';
        limit = 2;
    }

    /** Reads bytes of the current section; -1 once its closing delimiter is reached. */
    int read(byte[] target, int offset, int length) throws IOException {
        if (!hasSectionBytes()) {
            return -1;
        }
        int n = Math.min(length, sectionAvailable);
        System.arraycopy(buffer, pos, target, offset, n);
        pos += n;
        sectionAvailable -= n;
        return n;
    }

    /**
     * Writes the rest of the section straight from the internal buffer, saving a copy per chunk.
     * {@code out} sees that buffer only during each write and must not keep it.
     */
    long transferSectionTo(OutputStream out) throws IOException {
        long transferred = 0;
        while (hasSectionBytes()) {
            out.write(buffer, pos, sectionAvailable);
            transferred += sectionAvailable;
            pos += sectionAvailable;
            sectionAvailable = 0;
        }
        return transferred;
    }

    int sectionBytesBuffered() {
        return sectionAvailable;
    }

    void skipSection() throws IOException {
        while (hasSectionBytes()) {
            pos += sectionAvailable;
            sectionAvailable = 0;
        }
    }

    /** Steps over the delimiter ending the current section; true if it closed the whole body. */
    boolean consumeDelimiter() throws IOException {
        pos += delimiter.length();
        atDelimiter = false;
        sawDelimiter = true;
        ensureBuffered(2);
        if (buffer[pos] == '-' && buffer[pos + 1] == '-') {
            pos += 2;
            return true;
        }
        // RFC 2046 allows whitespace ("transport padding") between the boundary and its CRLF.
        while (buffer[pos] == ' ' || buffer[pos] == '\t') {
            pos++;
            ensureBuffered(2);
        }
        if (buffer[pos] != '\r' || buffer[pos + 1] != '\n') {
            throw new MalformedMultipartException("boundary line is followed by something other than CRLF or --");
        }
        pos += 2;
        return false;
    }

    /**
     * Reads a part's header lines and the blank line ending them. Returns the lines, each with its
     * CRLF, without the blank line.
     */
    byte[] readHeaderBlock(int maxBytes) throws IOException {
        int searched = 0;
        while (true) {
            int end = endOfBlankLine(pos + searched);
            if (end >= 0) {
                if (end - pos > maxBytes) {
                    throw headersTooLarge(maxBytes);
                }
                byte[] lines = Arrays.copyOfRange(buffer, pos, end - 2);
                pos = end;
                return lines;
            }
            if (limit - pos >= maxBytes) {
                throw headersTooLarge(maxBytes);
            }
            // A CRLF may straddle the old limit; look at its CR again.
            searched = Math.max(0, limit - pos - 1);
            fill();
        }
    }

    /** Index just past the first CRLF at or after {@code from} that ends an empty line; -1 if none. */
    private int endOfBlankLine(int from) {
        for (int i = from; i + 1 < limit; i++) {
            if (buffer[i] == '\r' && buffer[i + 1] == '\n'
                    && (i == pos || (i - pos >= 2 && buffer[i - 2] == '\r' && buffer[i - 1] == '\n'))) {
                return i + 2;
            }
        }
        return -1;
    }

    /** Ensures {@code sectionAvailable > 0} unless the section has ended. */
    private boolean hasSectionBytes() throws IOException {
        while (sectionAvailable == 0) {
            if (atDelimiter) {
                return false;
            }
            int candidate = delimiter.firstCandidate(buffer, pos, limit);
            atDelimiter = candidate + delimiter.length() <= limit;
            sectionAvailable = candidate - pos;
            if (sectionAvailable == 0 && !atDelimiter) {
                fill();
            }
        }
        return true;
    }

    private void ensureBuffered(int count) throws IOException {
        while (limit - pos < count) {
            fill();
        }
    }

    /** Moves the unconsumed bytes to the front of the buffer and reads more after them. */
    private void fill() throws IOException {
        int kept = limit - pos;
        System.arraycopy(buffer, pos, buffer, 0, kept);
        pos = 0;
        limit = kept;
        int read = in.read(buffer, limit, buffer.length - limit);
        if (read < 0) {
            throw new MalformedMultipartException(sawDelimiter
                    ? "request body ended before the closing boundary (truncated upload)"
                    : "request body does not contain the multipart boundary");
        }
        limit += read;
    }

    private static MalformedMultipartException headersTooLarge(int maxBytes) {
        return new MalformedMultipartException("part headers exceed " + maxBytes + " bytes");
    }
}
