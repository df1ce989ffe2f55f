package dev.filehost.admin;

import dev.filehost.db.Like;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /** Entries whose actor and action contain the given texts (null: any), in the time range, newest first. */
    public List<AuditEntry> search(String actor, String action, Long from, Long before, int offset, int limit) {
        List<String> conditions = new ArrayList<>(List.of("1 = 1"));
        Map<String, Object> values = new HashMap<>();
        if (actor != null) {
            conditions.add("LOWER(actor) LIKE :actor ESCAPE '!'");
            values.put("actor", Like.containing(actor));
        }
        if (action != null) {
            conditions.add("LOWER(action) LIKE :action ESCAPE '!'");
            values.put("action", Like.containing(action));
        }
        if (from != null) {
            conditions.add("at >= :from");
            values.put("from", from);
        }
        if (before != null) {
            conditions.add("at < :before");
            values.put("before", before);
        }
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT * FROM audit_log WHERE <conditions> ORDER BY at DESC, id DESC
                        LIMIT :limit OFFSET :offset""")
                .define("conditions", String.join(" AND ", conditions)).bindMap(values)
                .bind("limit", limit).bind("offset", offset).map(ENTRY).list());
    }
}
