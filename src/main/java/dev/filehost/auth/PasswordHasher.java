package dev.filehost.auth;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** bcrypt from Spring Security's crypto module; never hand-rolled. */
public final class PasswordHasher {
    private final BCryptPasswordEncoder encoder;
    // Compared against when the user does not exist, so both paths cost the same time.
    private final String decoyHash;

    public PasswordHasher(int strength) {
        this.encoder = new BCryptPasswordEncoder(strength);
        this.decoyHash = encoder.encode(Secrets.randomAlphanumeric(24));
    }

    public String hash(String password) {
        return encoder.encode(password);
    }

    public boolean matches(String password, String hash) {
        // bcrypt reads only the first 72 bytes; longer inputs are refused rather than truncated.
        if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 72) {
            encoder.matches("", decoyHash);
            return false;
        }
        return encoder.matches(password, hash);
    }

    public void spendTimeAsIfChecking(String password) {
        matches(password, decoyHash);
    }
}
