package dev.filehost.auth;

import dev.filehost.account.UserRepository;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** SQL for access tokens, addressed by the SHA-256 of the token. */
public final class AccessTokenRepository {
    private final Jdbi jdbi;

    public AccessTokenRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Stores a token and drops the user's oldest ones beyond {@code keep}, in one transaction. The
     * new token always stays: others created in the same millisecond would otherwise tie with it.
     */
    public void insert(String tokenHash, long userId, long now, String ip, int keep) {
        jdbi.useTransaction(h -> {
            h.createUpdate("""
                            INSERT INTO access_tokens (token_hash, user_id, created_at, last_used_at, ip)
                            VALUES (:hash, :user, :now, :now, :ip)""")
                    .bind("hash", tokenHash).bind("user", userId).bind("now", now).bind("ip", ip).execute();
            h.createUpdate("""
                            DELETE FROM access_tokens WHERE user_id = :user AND token_hash <> :hash AND token_hash NOT IN (
                                SELECT token_hash FROM access_tokens WHERE user_id = :user AND token_hash <> :hash
                                ORDER BY created_at DESC, token_hash LIMIT :others)""")
                    .bind("user", userId).bind("hash", tokenHash).bind("others", keep - 1).execute();
        });
    }

    /**
     * The user holding this token, with the token's last renewal and the API access of the user's
     * package, in one query: it runs on every API call.
     */
    public Optional<TokenHolder> findHolder(String tokenHash, long userId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT u.*, t.last_used_at AS token_last_used_at, p.api_access AS package_api_access
                        FROM access_tokens t JOIN users u ON u.id = t.user_id JOIN packages p ON p.id = u.package_id
                        WHERE t.token_hash = :hash AND t.user_id = :user""")
                .bind("hash", tokenHash).bind("user", userId)
                .map((rs, ctx) -> new TokenHolder(UserRepository.map(rs), rs.getLong("token_last_used_at"),
                        rs.getInt("package_api_access") != 0))
                .findOne());
    }

    public Optional<Long> findUserId(String tokenHash) {
        return jdbi.withHandle(h -> h.createQuery("SELECT user_id FROM access_tokens WHERE token_hash = :hash")
                .bind("hash", tokenHash).mapTo(Long.class).findOne());
    }

    /**
     * Renews a token that is still live for this user; false when it is unknown, idle too long,
     * or belongs to another account.
     */
    public boolean touch(String tokenHash, long userId, long now, long idleSince) {
        return jdbi.inTransaction(h -> h.createUpdate("""
                        UPDATE access_tokens SET last_used_at = :now
                        WHERE token_hash = :hash AND user_id = :user AND last_used_at > :idleSince""")
                .bind("now", now).bind("hash", tokenHash).bind("user", userId).bind("idleSince", idleSince)
                .execute()) == 1;
    }

    /** Whether the user had the token. */
    public boolean delete(String tokenHash, long userId) {
        return jdbi.inTransaction(h -> h.createUpdate("DELETE FROM access_tokens WHERE token_hash = :hash AND user_id = :user")
                .bind("hash", tokenHash).bind("user", userId).execute()) > 0;
    }

    public void deleteForUser(long userId) {
        jdbi.useTransaction(h -> h.createUpdate("DELETE FROM access_tokens WHERE user_id = :user")
                .bind("user", userId).execute());
    }

    public int deleteIdleSince(long idleSince) {
        return jdbi.inTransaction(h -> h.createUpdate("DELETE FROM access_tokens WHERE last_used_at <= :idleSince")
                .bind("idleSince", idleSince).execute());
    }

    /** The user's tokens used since {@code idleSince}, newest use first. */
    public List<TokenRow> listLive(long userId, long idleSince) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT token_hash, created_at, last_used_at, ip FROM access_tokens
                        WHERE user_id = :user AND last_used_at > :idleSince ORDER BY last_used_at DESC, token_hash""")
                .bind("user", userId).bind("idleSince", idleSince)
                .map((rs, ctx) -> new TokenRow(rs.getString("token_hash"), rs.getLong("created_at"),
                        rs.getLong("last_used_at"), rs.getString("ip")))
                .list());
    }

    /** A token as its owner's list shows it: by its hash, never the token. */
    public record TokenRow(String tokenHash, long createdAt, long lastUsedAt, String ip) {
    }
}
