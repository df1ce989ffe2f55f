package dev.filehost.storage;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The MD5 and SHA-256 of bytes that arrive in several pieces, such as a resumable upload's PATCHes:
 * each piece continues the digests where the last one left them.
 */
public final class RunningDigests {
    private final MessageDigest sha256 = digest("SHA-256");
    private final MessageDigest md5 = digest("MD5");
    private long size;

    MessageDigest sha256() {
        return sha256;
    }

    MessageDigest md5() {
        return md5;
    }

    /** Counts bytes that went through both digests. */
    void added(long bytes) {
        size += bytes;
    }

    /** How many bytes went through the digests so far. */
    public long size() {
        return size;
    }

    /** The digests of the bytes so far, as a blob's identity. */
    public StoredBlob result() {
        HexFormat hex = HexFormat.of();
        return new StoredBlob(hex.formatHex(sha256.digest()), hex.formatHex(md5.digest()), size);
    }

    static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides " + algorithm, e);
        }
    }
}
