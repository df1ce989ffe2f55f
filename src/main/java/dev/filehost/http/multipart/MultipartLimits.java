package dev.filehost.http.multipart;

/**
 * Bounds on what one request may make the parser hold or do.
 *
 * @param maxHeaderBytes largest header block of a single part, including its terminating blank line
 * @param maxParts       most parts a body may contain
 */
public record MultipartLimits(int maxHeaderBytes, int maxParts) {

    public static final int MAX_HEADER_BYTES_CEILING = 1024 * 1024;

    public static final MultipartLimits DEFAULTS = new MultipartLimits(16 * 1024, 1000);

    public MultipartLimits {
        // A whole header block is buffered, so its size must stay modest.
        if (maxHeaderBytes < 1 || maxHeaderBytes > MAX_HEADER_BYTES_CEILING) {
            throw new IllegalArgumentException(
                    "maxHeaderBytes must be between 1 and " + MAX_HEADER_BYTES_CEILING + ": " + maxHeaderBytes);
        }
        if (maxParts < 1) {
            throw new IllegalArgumentException("maxParts must be positive: " + maxParts);
        }
    }
}
