package dev.filehost.auth;

import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** SQL for API key pairs: key1 in the clear (it names the pair), key2 as a hash. */
public final class ApiKeyRepository {
    private final Jdbi jdbi;

    public ApiKeyRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public record StoredKey(long userId, String key2Hash) {
    }

    public Optional<StoredKey> findByKey1(String key1) {
        return jdbi.withHandle(h -> h.createQuery("SELECT user_id, key2_hash FROM api_keys WHERE key1 = :key1")
                .bind("key1", key1)
                .map((rs, ctx) -> new StoredKey(rs.getLong("user_id"), rs.getString("key2_hash")))
                .findOne());
    }

    /** Replaces the user's pair, if any, in one transaction. */
    public void replace(long userId, String key1, String key2Hash, long now) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM api_keys WHERE user_id = :user").bind("user", userId).execute();
            h.createUpdate("INSERT INTO api_keys (user_id, key1, key2_hash, created_at) VALUES (:user, :key1, :hash, :now)")
                    .bind("user", userId).bind("key1", key1).bind("hash", key2Hash).bind("now", now).execute();
        });
    }

    public void delete(long userId) {
        jdbi.useTransaction(h -> h.createUpdate("DELETE FROM api_keys WHERE user_id = :user").bind("user", userId)
                .execute());
    }

    public boolean exists(long userId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM api_keys WHERE user_id = :user")
                .bind("user", userId).mapTo(Long.class).one()) > 0;
    }
}
