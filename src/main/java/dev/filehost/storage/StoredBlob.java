package dev.filehost.storage;

/** The identity of a stored blob: its digests (lowercase hex) and its size in bytes. */
public record StoredBlob(String sha256, String md5, long size) {

    private static final int MD5_HEX_LENGTH = 32;

    public StoredBlob {
        BlobIds.requireValid(sha256);
        if (!BlobIds.isLowercaseHex(md5, MD5_HEX_LENGTH)) {
            throw new IllegalArgumentException("md5 must be 32 lowercase hex characters");
        }
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative: " + size);
        }
    }
}
