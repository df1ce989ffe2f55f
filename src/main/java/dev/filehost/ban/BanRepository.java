package dev.filehost.ban;

import dev.filehost.db.Rows;
import dev.filehost.net.CidrRange;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** SQL for address bans. */
public final class BanRepository {
    private static final RowMapper<Ban> BAN = (rs, ctx) -> new Ban(rs.getLong("id"),
            CidrRange.parse(rs.getString("address_range")), BanScope.valueOf(rs.getString("scope")),
            rs.getString("note"), rs.getString("created_by"), rs.getLong("created_at"),
            Rows.nullableLong(rs, "expires_at"));

    private final Jdbi jdbi;

    public BanRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public long insert(CidrRange range, BanScope scope, String note, String createdBy, long now, Long expiresAt) {
        return jdbi.withHandle(h -> h.createQuery("""
                        INSERT INTO bans (address_range, scope, note, created_by, created_at, expires_at)
                        VALUES (:range, :scope, :note, :by, :now, :expires) RETURNING id""")
                .bind("range", range.toString()).bind("scope", scope.name()).bind("note", note)
                .bind("by", createdBy).bind("now", now).bind("expires", expiresAt)
                .mapTo(Long.class).one());
    }

    /** Every ban, newest first, expired ones included. */
    public List<Ban> list() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM bans ORDER BY id DESC").map(BAN).list());
    }

    public List<Ban> active(long now) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT * FROM bans WHERE expires_at IS NULL OR expires_at > :now ORDER BY id")
                .bind("now", now).map(BAN).list());
    }

    public boolean delete(long id) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM bans WHERE id = :id").bind("id", id).execute()) > 0;
    }
}
