package dev.filehost.file;

import dev.filehost.db.Rows;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** SQL for download tokens, addressed by the SHA-256 of the token. */
public final class DownloadTokenRepository {
    private final Jdbi jdbi;

    public DownloadTokenRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** What a token allows: who asked for it (null for a visitor), from where, and from when. */
    public record Grant(long fileId, Long userId, String ip, long notBefore, long expiresAt) {
    }

    public void insert(String tokenHash, long fileId, Long userId, String ip, long now, long notBefore, long expiresAt) {
        jdbi.useTransaction(h -> h.createUpdate("""
                        INSERT INTO download_tokens (token_hash, file_id, user_id, ip, created_at, not_before, expires_at)
                        VALUES (:hash, :file, :user, :ip, :now, :notBefore, :expiresAt)""")
                .bind("hash", tokenHash).bind("file", fileId).bind("user", userId).bind("ip", ip)
                .bind("now", now).bind("notBefore", notBefore).bind("expiresAt", expiresAt).execute());
    }

    public Optional<Grant> find(String tokenHash) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT file_id, user_id, ip, not_before, expires_at FROM download_tokens WHERE token_hash = :hash")
                .bind("hash", tokenHash)
                .map((rs, ctx) -> {
                    return new Grant(rs.getLong("file_id"), Rows.nullableLong(rs, "user_id"), rs.getString("ip"), rs.getLong("not_before"),
                            rs.getLong("expires_at"));
                })
                .findOne());
    }

    public int deleteExpired(long now) {
        return jdbi.inTransaction(h -> h.createUpdate("DELETE FROM download_tokens WHERE expires_at <= :now")
                .bind("now", now).execute());
    }
}
