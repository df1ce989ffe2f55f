package dev.filehost.auth;

import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** SQL for password reset links, found by the SHA-256 of their secret. */
public final class PasswordResetRepository {
    private final Jdbi jdbi;

    public PasswordResetRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public void insert(String secretHash, long userId, long expiresAt) {
        jdbi.useTransaction(h -> h.createUpdate(
                        "INSERT INTO password_resets (secret_hash, user_id, expires_at) VALUES (:hash, :user, :expires)")
                .bind("hash", secretHash).bind("user", userId).bind("expires", expiresAt).execute());
    }

    /** The user a link still valid at {@code now} resets. */
    public Optional<Long> userOf(String secretHash, long now) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT user_id FROM password_resets WHERE secret_hash = :hash AND expires_at > :now")
                .bind("hash", secretHash).bind("now", now).mapTo(Long.class).findOne());
    }

    /** Every link of the user goes once one is used: the password they were sent for is gone. */
    public void deleteForUser(long userId) {
        jdbi.useTransaction(h -> h.createUpdate("DELETE FROM password_resets WHERE user_id = :user")
                .bind("user", userId).execute());
    }

    public int deleteExpired(long now) {
        return jdbi.inTransaction(h -> h.createUpdate("DELETE FROM password_resets WHERE expires_at <= :now")
                .bind("now", now).execute());
    }
}
