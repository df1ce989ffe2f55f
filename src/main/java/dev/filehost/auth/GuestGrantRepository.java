package dev.filehost.auth;

import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** SQL for visitors' upload grants, found by the SHA-256 of the grant. */
public final class GuestGrantRepository {
    private final Jdbi jdbi;

    public GuestGrantRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public void insert(String grantHash, String ip, long now) {
        jdbi.useTransaction(h -> h.createUpdate("""
                        INSERT INTO guest_grants (token_hash, ip, created_at, last_used_at)
                        VALUES (:hash, :ip, :now, :now)""")
                .bind("hash", grantHash).bind("ip", ip).bind("now", now).execute());
    }

    /** When the grant was last used; empty when there is none such. */
    public Optional<Long> lastUsedAt(String grantHash) {
        return jdbi.withHandle(h -> h.createQuery("SELECT last_used_at FROM guest_grants WHERE token_hash = :hash")
                .bind("hash", grantHash).mapTo(Long.class).findOne());
    }

    /** Renews a grant that is still live; false when it lapsed meanwhile. */
    public boolean touch(String grantHash, long now, long idleSince) {
        return jdbi.inTransaction(h -> h.createUpdate("""
                        UPDATE guest_grants SET last_used_at = :now
                        WHERE token_hash = :hash AND last_used_at > :idleSince""")
                .bind("now", now).bind("hash", grantHash).bind("idleSince", idleSince).execute()) == 1;
    }

    public int deleteIdleSince(long idleSince) {
        return jdbi.inTransaction(h -> h.createUpdate("DELETE FROM guest_grants WHERE last_used_at <= :idleSince")
                .bind("idleSince", idleSince).execute());
    }
}
