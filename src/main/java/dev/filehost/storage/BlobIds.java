package dev.filehost.storage;

import dev.filehost.core.Ids;
import java.util.Objects;

/**
 * Validation of blob ids. Ids end up in file paths and object keys, so anything other than a
 * lowercase SHA-256 hex string (e.g. {@code "../../etc/passwd"}) is rejected before use.
 */
public final class BlobIds {

    private static final int SHA256_HEX_LENGTH = 64;

    private BlobIds() {
    }

    public static boolean isValid(String sha256) {
        return isLowercaseHex(sha256, SHA256_HEX_LENGTH);
    }

    /** Returns {@code sha256} unchanged if it is a valid id. */
    public static String requireValid(String sha256) {
        Objects.requireNonNull(sha256, "sha256");
        if (!isValid(sha256)) {
            // The value itself is untrusted, so it is not echoed into messages and logs.
            throw new IllegalArgumentException("sha256 must be 64 lowercase hex characters");
        }
        return sha256;
    }

    static boolean isLowercaseHex(String s, int length) {
        if (s == null || s.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }
}
