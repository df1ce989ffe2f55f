package dev.filehost.admin;

import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** SQL for the audit log. */
public final class AuditRepository {
    private static final RowMapper<AuditEntry> ENTRY = (rs, ctx) -> new AuditEntry(rs.getLong("id"),
            rs.getString("actor"), rs.getString("address"), rs.getString("action"), rs.getString("target"),
            rs.getString("change_text"), rs.getLong("at"));

    private final Jdbi jdbi;

    public AuditRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public void insert(Actor actor, String action, String target, String change, long at) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO audit_log (actor, address, action, target, change_text, at)
                        VALUES (:actor, :address, :action, :target, :change, :at)""")
                .bind("actor", actor.name()).bind("address", actor.address()).bind("action", action)
                .bind("target", target).bind("change", change).bind("at", at).execute());
    }

    /** Entries from {@code since} on, newest first, at most {@code limit}. */
    public List<AuditEntry> since(long since, int limit) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT * FROM audit_log WHERE at >= :since ORDER BY at DESC, id DESC LIMIT :limit")
                .bind("since", since).bind("limit", limit).map(ENTRY).list());
    }
}
