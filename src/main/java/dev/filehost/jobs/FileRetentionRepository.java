package dev.filehost.jobs;

import dev.filehost.db.Database;
import org.jdbi.v3.core.Jdbi;

/**
 * SQL of the file jobs. Each call handles one batch; on PostgreSQL the rows are claimed with
 * SKIP LOCKED, so nodes running the same job at once share the work instead of repeating it.
 */
final class FileRetentionRepository {
    private static final long DAY_MILLIS = 86_400_000L;

    private final Jdbi jdbi;
    private final String claim;

    FileRetentionRepository(Database database) {
        this.jdbi = database.jdbi();
        this.claim = database.isPostgres() ? "FOR UPDATE OF f SKIP LOCKED" : "";
    }

    /** Trashes up to {@code limit} active files idle for as many days as their owner's package keeps them. */
    int trashInactive(long now, int limit) {
        return jdbi.inTransaction(h -> h.createUpdate("""
                        UPDATE files SET status = 'trash', trashed_at = :now
                        WHERE status = 'active' AND id IN (
                            SELECT f.id FROM files f
                            JOIN users u ON u.id = f.user_id
                            JOIN packages p ON p.id = u.package_id
                            WHERE f.status = 'active' AND p.days_to_keep_inactive_files > 0
                            AND COALESCE(f.last_accessed_at, f.created_at) <= :now - p.days_to_keep_inactive_files * :day
                            LIMIT :limit <claim>)""")
                .define("claim", claim)
                .bind("now", now).bind("day", DAY_MILLIS).bind("limit", limit)
                .execute());
    }

    /** Deletes up to {@code limit} files trashed at or before {@code cutoff}; their links and download records go with them. */
    int purgeTrash(long cutoff, int limit) {
        return jdbi.inTransaction(h -> h.createUpdate("""
                        DELETE FROM files
                        WHERE status = 'trash' AND id IN (
                            SELECT f.id FROM files f WHERE f.status = 'trash' AND f.trashed_at <= :cutoff
                            LIMIT :limit <claim>)""")
                .define("claim", claim)
                .bind("cutoff", cutoff).bind("limit", limit)
                .execute());
    }

    /**
     * Deletes up to {@code limit} folders trashed at or before {@code cutoff} that nothing refers to
     * any more: no file, no sub-folder, no unfinished import. Run again, it goes up the tree a level.
     */
    int purgeEmptyTrashedFolders(long cutoff, int limit) {
        return jdbi.inTransaction(h -> {
            h.createUpdate("""
                            UPDATE url_imports SET folder_id = NULL
                            WHERE status IN ('complete', 'failed', 'cancelled') AND folder_id IN (
                                SELECT id FROM folders WHERE status = 'trash' AND trashed_at <= :cutoff)""")
                    .bind("cutoff", cutoff).execute();
            return h.createUpdate("""
                            DELETE FROM folders
                            WHERE status = 'trash' AND id IN (
                                SELECT f.id FROM folders f
                                WHERE f.status = 'trash' AND f.trashed_at <= :cutoff
                                AND NOT EXISTS (SELECT 1 FROM files x WHERE x.folder_id = f.id)
                                AND NOT EXISTS (SELECT 1 FROM folders c WHERE c.parent_id = f.id)
                                AND NOT EXISTS (SELECT 1 FROM url_imports i WHERE i.folder_id = f.id)
                                LIMIT :limit <claim>)""")
                    .define("claim", claim)
                    .bind("cutoff", cutoff).bind("limit", limit)
                    .execute();
        });
    }
}
