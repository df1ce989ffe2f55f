package dev.filehost.folder;

import dev.filehost.auth.Secrets;
import dev.filehost.core.Refusal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** Folder access passwords: the API sends and stores their MD5 as 32 hex characters, as the contract says. */
public final class AccessPasswords {
    static final String NOT_MD5 = "Param access_password must be the MD5 hash of the password: 32 hexadecimal characters.";
    /** What a client sends on /folder/edit to remove the password. */
    static final String CLEAR = "null";

    private AccessPasswords() {
    }

    /** The stored form (lower-case hex) of a client's access_password, or the envelope error. */
    static String checked(String raw) {
        if (raw.length() != 32 || !raw.chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 128)) {
            throw Refusal.badInput(NOT_MD5);
        }
        return raw.toLowerCase(Locale.ROOT);
    }

    /** Whether a visitor typed the password whose MD5 is stored; the comparison takes constant time. */
    static boolean matches(String storedMd5, String typed) {
        return Secrets.constantTimeEquals(md5Hex(typed), storedMd5);
    }

    /** The form the API takes a typed password in, for the website's folder forms. */
    public static String md5Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JDK", e);
        }
    }
}
