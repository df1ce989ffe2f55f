package dev.filehost.storage;

/**
 * Upper bound on the bytes a single {@link BlobStore#write} accepts.
 *
 * @param maxBytes the largest accepted size; zero or negative means unlimited
 */
public record WriteLimit(long maxBytes) {

    public static final WriteLimit UNLIMITED = new WriteLimit(0);

    public static WriteLimit ofBytes(long maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
        return new WriteLimit(maxBytes);
    }

    public boolean isUnlimited() {
        return maxBytes <= 0;
    }

    public boolean isExceededBy(long bytes) {
        return !isUnlimited() && bytes > maxBytes;
    }
}
