package dev.filehost.file;

import dev.filehost.db.Database;
import org.jdbi.v3.core.Jdbi;

/**
 * SQL of the file jobs: idle files to trash, old trash purged. Each call handles one batch; on PostgreSQL
 * the rows are claimed with SKIP LOCKED, so nodes running the same job at once share the work instead of
 * repeating it.
 */
public final class FileRetentionRepository {
    private static final long DAY_MILLIS = 86_400_000L;

    private final Jdbi jdbi;
    private final String claim;

    public FileRetentionRepository(Database database) {
        this.jdbi = database.jdbi();
        this.claim = database.isPostgres() ? "FOR UPDATE OF f SKIP LOCKED" : "";
    }

    /** Trashes up to {@code limit} active files idle for as many days as their owner's package keeps them. */
    public int trashInactive(long now, int limit) {
        return jdbi.inTransaction(h -> h.createUpdate("""
                        UPDATE files SET status = :trash, trashed_at = :now
                        WHERE status = :active AND id IN (
                            SELECT f.id FROM files f
                            JOIN users u ON u.id = f.user_id
                            JOIN packages p ON p.id = u.package_id
                            WHERE f.status = :active AND p.days_to_keep_inactive_files > 0
                            AND COALESCE(f.last_accessed_at, f.created_at) <= :now - p.days_to_keep_inactive_files * :day
                            LIMIT :limit <claim>)""")
                .define("claim", claim)
                .bind("trash", FileStatus.TRASH.value()).bind("active", FileStatus.ACTIVE.value())
                .bind("now", now).bind("day", DAY_MILLIS).bind("limit", limit)
                .execute());
    }

    /** Deletes up to {@code limit} files trashed at or before {@code cutoff}; their links and download records go with them. */
    public int purgeTrash(long cutoff, int limit) {
        return jdbi.inTransaction(h -> h.createUpdate("""
                        DELETE FROM files
                        WHERE status = :trash AND id IN (
                            SELECT f.id FROM files f WHERE f.status = :trash AND f.trashed_at <= :cutoff
                            LIMIT :limit <claim>)""")
                .define("claim", claim)
                .bind("trash", FileStatus.TRASH.value()).bind("cutoff", cutoff).bind("limit", limit)
                .execute());
    }
}
