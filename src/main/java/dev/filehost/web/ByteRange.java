package dev.filehost.web;

import java.util.Optional;

/**
 * The single byte range of a Range header (RFC 9110): "bytes=a-b", "bytes=a-" or the suffix
 * "bytes=-n". Several ranges, or a header that does not parse, are served as the whole file.
 */
public record ByteRange(long offset, long length) {

    public long last() {
        return offset + length - 1;
    }

    /** Empty for "serve it all"; throws {@link Unsatisfiable} when the range lies outside the file. */
    public static Optional<ByteRange> parse(String header, long size) {
        if (header == null || !header.startsWith("bytes=") || header.contains(",")) {
            return Optional.empty();
        }
        String spec = header.substring("bytes=".length()).strip();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return Optional.empty();
        }
        String first = spec.substring(0, dash).strip();
        String second = spec.substring(dash + 1).strip();
        if (!isDigits(first) && !first.isEmpty() || !isDigits(second) && !second.isEmpty()
                || first.isEmpty() && second.isEmpty()) {
            return Optional.empty();
        }
        if (first.isEmpty()) {
            long suffix = Long.parseLong(second);
            if (suffix == 0 || size == 0) {
                throw new Unsatisfiable();
            }
            long length = Math.min(suffix, size);
            return Optional.of(new ByteRange(size - length, length));
        }
        long start = Long.parseLong(first);
        if (start >= size) {
            throw new Unsatisfiable();
        }
        long end = second.isEmpty() ? size - 1 : Math.min(Long.parseLong(second), size - 1);
        if (end < start) {
            return Optional.empty();
        }
        return Optional.of(new ByteRange(start, end - start + 1));
    }

    private static boolean isDigits(String text) {
        return !text.isEmpty() && text.length() <= 18 && text.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** The range starts past the end of the file: 416. */
    public static final class Unsatisfiable extends RuntimeException {
        Unsatisfiable() {
            super(null, null, false, false);
        }
    }
}
