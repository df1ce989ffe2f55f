package dev.filehost.auth;

import dev.filehost.account.User;
import dev.filehost.account.UserRepository;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashes brought over from a YetiShare site: PBKDF2-HMAC-SHA256 written as
 * {@code sha256:<iterations>:<salt>:<base64 hash>} (the salt is the base64 text itself, not
 * decoded) and plain MD5 hex. The first sign-in that matches one replaces it with filehost's hash.
 */
public final class LegacyPasswords {
    private static final Pattern MD5_HEX = Pattern.compile("[0-9a-fA-F]{32}");
    private static final String PBKDF2_PREFIX = "sha256:";
    private static final int MAX_ITERATIONS = 1_000_000;

    private final UserRepository users;
    private final PasswordHasher passwords;

    public LegacyPasswords(UserRepository users, PasswordHasher passwords) {
        this.users = users;
        this.passwords = passwords;
    }

    public static boolean isLegacy(String hash) {
        return hash.startsWith(PBKDF2_PREFIX) || MD5_HEX.matcher(hash).matches();
    }

    /** Whether the password matches the user's legacy hash. */
    public boolean matches(User user, String password) {
        boolean matches = matches(password, user.passwordHash());
        if (!matches) {
            // A miss costs what a bcrypt miss costs, so timing does not tell old accounts apart.
            passwords.spendTimeAsIfChecking(password);
        }
        return matches;
    }

    /** Replaces the legacy hash with filehost's own, after a sign-in with the password succeeded. */
    public void upgrade(User user, String password) {
        users.updatePasswordHash(user.id(), passwords.hash(password));
    }

    static boolean matches(String password, String hash) {
        byte[] expected;
        byte[] actual;
        if (hash.startsWith(PBKDF2_PREFIX)) {
            String[] parts = hash.split(":", -1);
            if (parts.length != 4) {
                return false;
            }
            int iterations;
            try {
                iterations = Integer.parseInt(parts[1]);
                expected = Base64.getDecoder().decode(parts[3]);
            } catch (IllegalArgumentException e) {
                return false;
            }
            if (iterations < 1 || iterations > MAX_ITERATIONS || expected.length == 0) {
                return false;
            }
            actual = pbkdf2(password, parts[2].getBytes(StandardCharsets.UTF_8), iterations, expected.length);
        } else {
            expected = hash.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
            actual = md5Hex(password).getBytes(StandardCharsets.US_ASCII);
        }
        return MessageDigest.isEqual(expected, actual);
    }

    private static byte[] pbkdf2(String password, byte[] salt, int iterations, int keyBytes) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, keyBytes * 8);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every JDK", e);
        }
    }

    private static String md5Hex(String password) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                    .digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MD5 is part of every JDK", e);
        }
    }
}
