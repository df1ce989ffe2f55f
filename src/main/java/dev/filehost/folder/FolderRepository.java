package dev.filehost.folder;

import dev.filehost.auth.Secrets;
import dev.filehost.db.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/** SQL for folders. */
public final class FolderRepository {
    /** The counts of a summary, for the folders that {@code <selected>} names, in one statement. */
    private static final String SUMMARIES = """
            WITH RECURSIVE tree(top_id, id) AS (
                SELECT f.id, f.id FROM folders f WHERE <selected>
                UNION
                SELECT t.top_id, f.id FROM folders f JOIN tree t ON f.parent_id = t.id
                WHERE f.user_id = :user AND f.status = 'active'
            ),
            totals(top_id, total_size) AS (
                SELECT t.top_id, SUM(fi.size) FROM tree t
                JOIN files fi ON fi.user_id = :user AND fi.folder_id = t.id AND fi.status = 'active'
                GROUP BY t.top_id
            ),
            own(folder_id, file_count, downloads) AS (
                SELECT x.folder_id, COUNT(*), SUM(x.downloads) FROM files x
                WHERE x.user_id = :user AND x.folder_id IN (SELECT id FROM folders f WHERE <selected>)
                AND x.status = 'active'
                GROUP BY x.folder_id
            )
            SELECT f.*,
                COALESCE(totals.total_size, 0) AS total_size,
                COALESCE(own.downloads, 0) AS total_downloads,
                (SELECT COUNT(*) FROM folders c
                 WHERE c.user_id = f.user_id AND c.parent_id = f.id AND c.status = 'active') AS child_folder_count,
                COALESCE(own.file_count, 0) AS file_count
            FROM folders f LEFT JOIN totals ON totals.top_id = f.id LEFT JOIN own ON own.folder_id = f.id
            WHERE <selected>""";

    /** The folder :id and everything below it, whatever its status (so updates of status do not cut the walk). */
    private static final String SUBTREE = """
            WITH RECURSIVE tree(id) AS (
                SELECT id FROM folders WHERE id = :id AND user_id = :user
                UNION
                SELECT f.id FROM folders f JOIN tree t ON f.parent_id = t.id WHERE f.user_id = :user
            )
            """;

    private final Jdbi jdbi;
    private final boolean postgres;

    public FolderRepository(Jdbi jdbi, boolean postgres) {
        this.jdbi = jdbi;
        this.postgres = postgres;
    }

    /**
     * Runs {@code work} in one transaction that keeps every other change of the user's folder tree
     * waiting, so that a check (no cycle, parent still active) still holds when the change commits.
     * Repository calls inside {@code work} join the transaction (Jdbi hands nested calls the thread's handle).
     */
    public <T> T inLockedTree(long userId, Supplier<T> work) {
        return jdbi.inTransaction(h -> {
            if (postgres) {
                // NO KEY: inserts of the user's files (foreign-key checks) need not wait for this lock.
                h.createQuery("SELECT id FROM users WHERE id = :user FOR NO KEY UPDATE").bind("user", userId)
                        .mapTo(Long.class).findOne();
            }
            // SQLite transactions begin IMMEDIATE (see Database): they already hold the one write lock.
            return work.get();
        });
    }

    /** Runs {@code work} on one connection: the several reads of a listing share it instead of taking one each. */
    public <T> T onOneConnection(Supplier<T> work) {
        return jdbi.withHandle(h -> work.get());
    }

    /** Whether the user has the folder, active or (unless {@code activeOnly}) in the trash. */
    public boolean isOwnedBy(long folderId, long userId, boolean activeOnly) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM folders WHERE id = :id AND user_id = :user <active>")
                .define("active", activeOnly ? "AND status = 'active'" : "")
                .bind("id", folderId).bind("user", userId).mapTo(Long.class).one()) > 0;
    }

    public long insert(long userId, Long parentId, String name, FolderPrivacy privacy, String accessPassword,
                       long now) {
        return jdbi.inTransaction(h -> h.createQuery("""
                        INSERT INTO folders (user_id, parent_id, name, is_public, access_password, status, url_hash,
                            created_at)
                        VALUES (:user, :parent, :name, :privacy, :password, 'active', :urlHash, :now) RETURNING id""")
                .bind("user", userId).bind("parent", parentId).bind("name", name).bind("privacy", privacy.code())
                .bind("password", accessPassword).bind("urlHash", Secrets.randomHex(16)).bind("now", now)
                .mapTo(Long.class).one());
    }

    public Optional<Folder> find(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM folders WHERE id = :id")
                .bind("id", id).map((rs, ctx) -> map(rs)).findOne());
    }

    /** All the user's folders outside the trash, by name: the file manager's tree. */
    public List<Folder> listActive(long userId) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT * FROM folders WHERE user_id = :user AND status = 'active' ORDER BY name, id")
                .bind("user", userId).map((rs, ctx) -> map(rs)).list());
    }

    /** The id of the folder with this url hash. */
    public Optional<Long> idOfUrlHash(String urlHash) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM folders WHERE url_hash = :hash")
                .bind("hash", urlHash).mapTo(Long.class).findOne());
    }

    /** Marks the folder and every folder above it as updated now: a file arrived below them. */
    public void touchWithAncestors(long folderId, long now) {
        jdbi.useTransaction(h -> h.createUpdate("""
                        WITH RECURSIVE chain(id) AS (
                            SELECT id FROM folders WHERE id = :id
                            UNION
                            SELECT f.parent_id FROM folders f JOIN chain c ON f.id = c.id WHERE f.parent_id IS NOT NULL
                        )
                        UPDATE folders SET updated_at = :now WHERE id IN (SELECT id FROM chain)""")
                .bind("id", folderId).bind("now", now).execute());
    }

    /** Writes a folder's name, parent, privacy, password and update time. */
    public void update(Folder folder) {
        jdbi.useTransaction(h -> h.createUpdate("""
                        UPDATE folders SET name = :name, parent_id = :parent, is_public = :privacy,
                            access_password = :password, updated_at = :updated
                        WHERE id = :id""")
                .bind("name", folder.name()).bind("parent", folder.parentId()).bind("privacy", folder.privacy().code())
                .bind("password", folder.accessPassword()).bind("updated", folder.updatedAt())
                .bind("id", folder.id()).execute());
    }

    /** The folder and its ancestors, the folder first; empty when there is no such folder. */
    public List<Folder> chain(long folderId) {
        List<Folder> rows = jdbi.withHandle(h -> h.createQuery("""
                        WITH RECURSIVE chain AS (
                            SELECT * FROM folders WHERE id = :id
                            UNION
                            SELECT f.* FROM folders f JOIN chain c ON f.id = c.parent_id AND f.user_id = c.user_id
                        )
                        SELECT * FROM chain""")
                .bind("id", folderId).map((rs, ctx) -> map(rs)).list());
        Map<Long, Folder> byId = new HashMap<>();
        rows.forEach(folder -> byId.put(folder.id(), folder));
        List<Folder> chain = new ArrayList<>();
        for (Folder folder = byId.remove(folderId); folder != null;
             folder = folder.parentId() == null ? null : byId.remove(folder.parentId())) {
            chain.add(folder);
        }
        return chain;
    }

    /** The user's folders directly in a folder (null: the root), trashed ones too, with their counts. */
    public List<FolderSummary> summariesIn(long userId, Long parentId) {
        String selected = "f.user_id = :user AND "
                + (parentId == null ? "f.parent_id IS NULL" : "f.parent_id = :parent");
        return jdbi.withHandle(h -> h.createQuery(SUMMARIES).define("selected", selected)
                .bind("user", userId).bind("parent", parentId).map((rs, ctx) -> mapSummary(rs)).list());
    }

    /** One of the user's folders, active or trashed, with its counts. */
    public Optional<FolderSummary> summary(long userId, long folderId) {
        return jdbi.withHandle(h -> h.createQuery(SUMMARIES)
                .define("selected", "f.id = :id AND f.user_id = :user")
                .bind("user", userId).bind("id", folderId).map((rs, ctx) -> mapSummary(rs)).findOne());
    }

    /** The folder and every folder below it, whatever their status. */
    public List<Long> subtree(long userId, long folderId) {
        return jdbi.withHandle(h -> h.createQuery(SUBTREE + "SELECT id FROM tree")
                .bind("id", folderId).bind("user", userId).mapTo(Long.class).list());
    }

    /** Moves the folder and everything below it to the trash; their files are the file lifecycle's to move. */
    public void trashTree(long userId, long folderId, long now) {
        jdbi.useTransaction(h -> h.createUpdate(SUBTREE + """
                        UPDATE folders SET status = 'trash', trashed_at = :now
                        WHERE status = 'active' AND id IN (SELECT id FROM tree)""")
                .bind("id", folderId).bind("user", userId).bind("now", now).execute());
    }

    /** Moves all the user's active folders to the trash; their files are the file lifecycle's to move. */
    public void trashAllOf(long userId, long now) {
        jdbi.useTransaction(h -> h.createUpdate(
                        "UPDATE folders SET status = 'trash', trashed_at = :now WHERE user_id = :user AND status = 'active'")
                .bind("user", userId).bind("now", now).execute());
    }

    /**
     * Deletes up to {@code limit} folders trashed at or before {@code cutoff} that nothing refers to
     * any more: no file, no sub-folder, no unfinished import. Run again, it goes up the tree a level.
     */
    public int purgeEmptyTrashed(long cutoff, int limit) {
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
                    .define("claim", postgres ? "FOR UPDATE OF f SKIP LOCKED" : "")
                    .bind("cutoff", cutoff).bind("limit", limit)
                    .execute();
        });
    }

    private static FolderSummary mapSummary(ResultSet rs) throws SQLException {
        return new FolderSummary(map(rs), rs.getLong("total_size"), rs.getLong("total_downloads"),
                rs.getLong("child_folder_count"), rs.getLong("file_count"));
    }

    private static Folder map(ResultSet rs) throws SQLException {
        return new Folder(
                rs.getLong("id"),
                rs.getLong("user_id"),
                Rows.nullableLong(rs, "parent_id"),
                rs.getString("name"),
                FolderPrivacy.ofCode(rs.getInt("is_public")),
                rs.getString("access_password"),
                "trash".equals(rs.getString("status")),
                rs.getString("url_hash"),
                rs.getLong("created_at"),
                Rows.nullableLong(rs, "updated_at"));
    }
}
