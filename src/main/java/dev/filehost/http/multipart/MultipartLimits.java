package dev.filehost.http.multipart;

/**
 * Bounds on what one request may make the parser hold or do.
 *
 * @param maxHeaderBytes largest header block of a single part, including its terminating blank line
 * @param maxParts       most parts a body may contain
 */
public record MultipartLimits(int maxHeaderBytes, int maxParts) {

    public static final MultipartLimits DEFAULTS = new MultipartLimits(16 * 1024, 1000);

    public MultipartLimits {
        if (maxHeaderBytes < 1) {
            throw new IllegalArgumentException("maxHeaderBytes must be positive: " + maxHeaderBytes);
        }
        if (maxParts < 1) {
            throw new IllegalArgumentException("maxParts must be positive: " + maxParts);
        }
    }
}
