package dev.filehost.admin;

import dev.filehost.db.Rows;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** SQL for abuse reports. */
public final class AbuseReportRepository {
    private static final RowMapper<AbuseReport> REPORT = (rs, ctx) -> new AbuseReport(rs.getLong("id"),
            rs.getLong("file_id"), rs.getString("reason"), rs.getString("reporter_email"), rs.getString("details"),
            rs.getString("reporter_ip"), ReportStatus.valueOf(rs.getString("status")), rs.getLong("created_at"),
            Rows.nullableLong(rs, "resolved_at"), rs.getString("resolved_by"));

    private final Jdbi jdbi;

    public AbuseReportRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public long insert(long fileId, String reason, String email, String details, String ip, long now) {
        return jdbi.withHandle(h -> h.createQuery("""
                        INSERT INTO abuse_reports (file_id, reason, reporter_email, details, reporter_ip, status,
                                                   created_at)
                        VALUES (:file, :reason, :email, :details, :ip, :status, :now) RETURNING id""")
                .bind("file", fileId).bind("reason", reason).bind("email", email).bind("details", details)
                .bind("ip", ip).bind("status", ReportStatus.OPEN.name()).bind("now", now)
                .mapTo(Long.class).one());
    }

    public Optional<AbuseReport> find(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM abuse_reports WHERE id = :id")
                .bind("id", id).map(REPORT).findOne());
    }

    /** Oldest first, as a queue is worked; every status when {@code status} is null. */
    public List<AbuseReport> list(ReportStatus status, int limit) {
        return jdbi.withHandle(h -> {
            var query = h.createQuery("SELECT * FROM abuse_reports <filter> ORDER BY created_at, id LIMIT :limit")
                    .define("filter", status == null ? "" : "WHERE status = :status").bind("limit", limit);
            if (status != null) {
                query.bind("status", status.name());
            }
            return query.map(REPORT).list();
        });
    }

    /** Closes the file's open reports with {@code status}; the number closed. */
    public int resolveOpenOf(long fileId, ReportStatus status, String by, long now) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE abuse_reports SET status = :status, resolved_at = :now, resolved_by = :by
                        WHERE file_id = :file AND status = :open""")
                .bind("status", status.name()).bind("now", now).bind("by", by).bind("file", fileId)
                .bind("open", ReportStatus.OPEN.name()).execute());
    }

    /** Closes one open report; false when it was not open. */
    public boolean resolve(long id, ReportStatus status, String by, long now) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE abuse_reports SET status = :status, resolved_at = :now, resolved_by = :by
                        WHERE id = :id AND status = :open""")
                .bind("status", status.name()).bind("now", now).bind("by", by).bind("id", id)
                .bind("open", ReportStatus.OPEN.name()).execute()) > 0;
    }

    public boolean anyWithStatus(long fileId, ReportStatus status) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM abuse_reports WHERE file_id = :file AND status = :status")
                .bind("file", fileId).bind("status", status.name()).mapTo(Integer.class).one()) > 0;
    }
}
