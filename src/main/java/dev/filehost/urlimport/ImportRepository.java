package dev.filehost.urlimport;

import dev.filehost.db.Rows;
import dev.filehost.db.UniqueViolation;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** SQL for the import queue. */
public final class ImportRepository {
    private static final String UNFINISHED = "('pending', 'downloading', 'processing')";
    private static final String RUNNING = "('downloading', 'processing')";

    private final Jdbi jdbi;
    private final boolean postgres;

    public ImportRepository(Jdbi jdbi, boolean postgres) {
        this.jdbi = jdbi;
        this.postgres = postgres;
    }

    /** Queues the URL, or answers the account's unfinished item for the same URL. */
    public ImportItem add(long userId, Long folderId, String url, long now) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<ImportItem> unfinished = findUnfinished(userId, url);
            if (unfinished.isPresent()) {
                return unfinished.get();
            }
            try {
                long id = jdbi.inTransaction(h -> h.createQuery("""
                                INSERT INTO url_imports (user_id, folder_id, url, status, created_at)
                                VALUES (:user, :folder, :url, 'pending', :now) RETURNING id""")
                        .bind("user", userId).bind("folder", folderId).bind("url", url).bind("now", now)
                        .mapTo(Long.class).one());
                return find(id).orElseThrow();
            } catch (RuntimeException e) {
                if (!UniqueViolation.causedBy(e)) {
                    throw e;
                }
            }
        }
        throw new IllegalStateException("could not queue " + url);
    }

    private Optional<ImportItem> findUnfinished(long userId, String url) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT * FROM url_imports WHERE user_id = :user AND url = :url AND status IN " + UNFINISHED)
                .bind("user", userId).bind("url", url).map((rs, ctx) -> map(rs)).findOne());
    }

    public Optional<ImportItem> find(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM url_imports WHERE id = :id")
                .bind("id", id).map((rs, ctx) -> map(rs)).findOne());
    }

    /** Newest first; every status when {@code status} is null. */
    public List<ImportItem> listRecent(ImportStatus status, int limit) {
        return jdbi.withHandle(h -> {
            var query = h.createQuery("SELECT * FROM url_imports <filter> ORDER BY id DESC LIMIT :limit")
                    .define("filter", status == null ? "" : "WHERE status = :status").bind("limit", limit);
            if (status != null) {
                query.bind("status", status.value());
            }
            return query.map((rs, ctx) -> map(rs)).list();
        });
    }

    /**
     * Takes the oldest pending item whose owner has a free import slot and marks it as ours;
     * on PostgreSQL, rows other nodes are claiming are skipped rather than waited for.
     */
    public Optional<ImportItem> claimNext(String node, long now) {
        String lock = postgres ? "FOR UPDATE OF i SKIP LOCKED" : "";
        return jdbi.inTransaction(h -> {
            Optional<Long> id = h.createQuery("""
                            SELECT i.id FROM url_imports i
                            JOIN users u ON u.id = i.user_id
                            JOIN packages p ON p.id = u.package_id
                            WHERE i.status = 'pending'
                            AND (p.max_remote_download_urls = 0 OR p.max_remote_download_urls > (
                                SELECT COUNT(*) FROM url_imports r WHERE r.user_id = i.user_id AND r.status IN <running>))
                            ORDER BY i.id LIMIT 1 <lock>""")
                    .define("running", RUNNING).define("lock", lock)
                    .mapTo(Long.class).findOne();
            if (id.isEmpty()) {
                return Optional.<ImportItem>empty();
            }
            h.createUpdate("""
                            UPDATE url_imports SET status = 'downloading', claimed_by = :node, started_at = :now,
                                heartbeat_at = :now, attempts = attempts + 1, downloaded_size = 0, total_size = NULL
                            WHERE id = :id AND status = 'pending'""")
                    .bind("node", node).bind("now", now).bind("id", id.get()).execute();
            return h.createQuery("SELECT * FROM url_imports WHERE id = :id").bind("id", id.get())
                    .map((rs, ctx) -> map(rs)).findOne();
        });
    }

    /** Records progress; false when the item is no longer ours to work on (cancelled). */
    public boolean progress(long id, String node, Long totalSize, long downloaded, ImportStatus status, long now) {
        return jdbi.inTransaction(h -> h.createUpdate("""
                        UPDATE url_imports SET total_size = :total, downloaded_size = :downloaded, status = :status,
                            heartbeat_at = :now
                        WHERE id = :id AND claimed_by = :node AND status IN <running>""")
                .define("running", RUNNING)
                .bind("total", totalSize).bind("downloaded", downloaded).bind("status", status.value())
                .bind("now", now).bind("id", id).bind("node", node).execute()) == 1;
    }

    public boolean complete(long id, String node, long fileId, long size, long now) {
        return jdbi.inTransaction(h -> h.createUpdate("""
                        UPDATE url_imports SET status = 'complete', file_id = :file, total_size = :size,
                            downloaded_size = :size, finished_at = :now, notes = NULL
                        WHERE id = :id AND claimed_by = :node AND status IN <running>""")
                .define("running", RUNNING)
                .bind("file", fileId).bind("size", size).bind("now", now).bind("id", id).bind("node", node)
                .execute()) == 1;
    }

    public void fail(long id, String node, String notes, long now) {
        jdbi.useTransaction(h -> h.createUpdate("""
                        UPDATE url_imports SET status = 'failed', notes = :notes, finished_at = :now
                        WHERE id = :id AND claimed_by = :node AND status IN <running>""")
                .define("running", RUNNING)
                .bind("notes", notes).bind("now", now).bind("id", id).bind("node", node).execute());
    }

    /** Cancels an unfinished item; false when it was already finished or does not exist. */
    public boolean cancel(long id, long now) {
        return jdbi.inTransaction(h -> h.createUpdate("""
                        UPDATE url_imports SET status = 'cancelled', finished_at = :now, notes = 'Cancelled by an administrator.'
                        WHERE id = :id AND status IN <unfinished>""")
                .define("unfinished", UNFINISHED).bind("now", now).bind("id", id).execute()) == 1;
    }

    /**
     * Items whose worker stopped sending heartbeats (its process died) go back to the queue, or
     * fail with a note after too many attempts: none stays stuck.
     */
    public int recoverAbandoned(long heartbeatBefore, int maxAttempts, long now) {
        return jdbi.inTransaction(h -> {
            int failed = h.createUpdate("""
                            UPDATE url_imports SET status = 'failed', finished_at = :now,
                                notes = 'The import was interrupted by a server restart too many times.'
                            WHERE status IN <running> AND heartbeat_at < :before AND attempts >= :max""")
                    .define("running", RUNNING).bind("now", now).bind("before", heartbeatBefore)
                    .bind("max", maxAttempts).execute();
            int requeued = h.createUpdate("""
                            UPDATE url_imports SET status = 'pending', claimed_by = NULL, downloaded_size = 0
                            WHERE status IN <running> AND heartbeat_at < :before""")
                    .define("running", RUNNING).bind("before", heartbeatBefore).execute();
            return failed + requeued;
        });
    }

    public long countPending() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM url_imports WHERE status = 'pending'")
                .mapTo(Long.class).one());
    }

    private static ImportItem map(ResultSet rs) throws SQLException {
        return new ImportItem(
                rs.getLong("id"),
                rs.getLong("user_id"),
                Rows.nullableLong(rs, "folder_id"),
                rs.getString("url"),
                ImportStatus.parse(rs.getString("status")),
                rs.getLong("created_at"),
                Rows.nullableLong(rs, "started_at"),
                Rows.nullableLong(rs, "finished_at"),
                Rows.nullableLong(rs, "total_size"),
                rs.getLong("downloaded_size"),
                rs.getString("notes"),
                Rows.nullableLong(rs, "file_id"),
                rs.getInt("attempts"));
    }
}
