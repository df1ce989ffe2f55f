package dev.filehost.file;

import dev.filehost.auth.Secrets;
import dev.filehost.db.Database;
import dev.filehost.db.KeyedLock;
import dev.filehost.db.Like;
import dev.filehost.db.PeriodCounts;
import dev.filehost.db.Rows;
import dev.filehost.storage.StoredBlob;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** SQL for files and the blob rows they refer to. */
public final class FileRepository {
    private final Jdbi jdbi;
    private final KeyedLock lock;
    private final ShortUrlRepository shortUrls;

    public FileRepository(Database database) {
        this.jdbi = database.jdbi();
        this.lock = new KeyedLock(database.isPostgres());
        this.shortUrls = new ShortUrlRepository(jdbi, lock);
    }

    /**
     * Creates the blob's row or marks it referenced now. An upload calls this before its bytes are
     * published, so the sweep of unreferenced blobs cannot take the bytes its file is about to use.
     */
    public void referenceBlob(StoredBlob blob, long now) {
        jdbi.useTransaction(h -> h.createUpdate("""
                        INSERT INTO blobs (sha256, md5, size, referenced_at) VALUES (:sha, :md5, :size, :now)
                        ON CONFLICT (sha256) DO UPDATE SET referenced_at = :now""")
                .bind("sha", blob.sha256()).bind("md5", blob.md5()).bind("size", blob.size()).bind("now", now)
                .execute());
    }

    /** What to do with a name a folder already has. */
    public enum Naming {
        /** Use it anyway: renames and copies keep the asked-for name. */
        AS_GIVEN,
        /** Take the first free "name (n).ext": uploads do. */
        FREE_IN_FOLDER
    }

    /**
     * Inserts the file unless the account's active files would then exceed {@code allowedBytes}
     * (0 or less: no limit). Inserts of one account are serialized, so two of them cannot both pass
     * the check, nor pick the same free name. The blob row must exist ({@link #referenceBlob} for an
     * upload, the original's for a copy); it is marked as referenced in the same transaction.
     *
     * @return the new file, or empty when it does not fit in {@code allowedBytes}
     */
    public Optional<StoredFile> insert(NewFile file, long now, Naming naming, long allowedBytes) {
        Optional<Long> inserted = jdbi.inTransaction(h -> {
            lockAccount(h, file.userId());
            if (allowedBytes > 0 && usedBytes(h, file.userId()) + file.size() > allowedBytes) {
                return Optional.empty();
            }
            refreshBlobReference(h, file.blobSha256(), now);
            String name = named(h, naming, file.userId(), file.folderId(), file.name());
            long id = h.createQuery("""
                            INSERT INTO files (user_id, folder_id, name, extension, mime_type, size, blob_sha256,
                                delete_hash, unique_hash, status, uploaded_ip, upload_source, created_at)
                            VALUES (:user, :folder, :name, :extension, :mime, :size, :blob,
                                :deleteHash, :uniqueHash, 'active', :ip, :source, :now) RETURNING id""")
                    .bind("user", file.userId()).bind("folder", file.folderId()).bind("name", name)
                    .bind("extension", FileNames.extensionOf(name)).bind("mime", file.mimeType())
                    .bind("size", file.size()).bind("blob", file.blobSha256())
                    .bind("deleteHash", Secrets.randomHex(16)).bind("uniqueHash", Secrets.randomHex(32))
                    .bind("ip", file.uploadedIp()).bind("source", file.uploadSource()).bind("now", now)
                    .mapTo(Long.class).one();
            shortUrls.assign(h, id);
            return Optional.of(id);
        });
        return inserted.map(id -> findById(id).orElseThrow());
    }

    /** Holds off the account's other inserts and renames until this transaction ends. */
    private void lockAccount(Handle h, long userId) {
        lock.acquire(h, "files:" + userId);
    }

    private static String named(Handle h, Naming naming, long userId, Long folderId, String name) {
        return naming == Naming.AS_GIVEN ? name : freeName(h, userId, folderId, name);
    }

    /** The name itself, or the first "name (n).ext" no active file of the folder uses. */
    public String freeName(long userId, Long folderId, String name) {
        return jdbi.withHandle(h -> freeName(h, userId, folderId, name));
    }

    /**
     * The name itself, or the first "name (n).ext" no active file of the folder uses. Among k taken
     * names one of the first k + 1 numbered ones is free, which bounds the search.
     */
    private static String freeName(Handle h, long userId, Long folderId, String name) {
        Set<String> taken = new HashSet<>(h.createQuery("""
                        SELECT name FROM files WHERE user_id = :user AND <folder>
                        AND status = 'active' AND (name = :name OR name LIKE :prefix ESCAPE '!')""")
                .define("folder", inFolder(folderId)).bind("folder", folderId)
                .bind("user", userId).bind("name", name)
                .bind("prefix", Like.escape(FileNames.numberedPrefix(name)) + "%").mapTo(String.class).list());
        if (!taken.contains(name)) {
            return name;
        }
        for (int n = 2; n <= taken.size() + 2; n++) {
            String candidate = FileNames.numbered(name, n);
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no free numbered name among " + taken.size() + " for " + name);
    }

    /** The condition for "in this folder", written so that the (user, folder) index serves it. */
    static String inFolder(Long folderId) {
        return folderId == null ? "folder_id IS NULL" : "folder_id = :folder";
    }

    /** Never recreates a swept blob row: a file must not appear whose bytes are gone. */
    private static void refreshBlobReference(Handle h, String sha256, long now) {
        int rows = h.createUpdate("UPDATE blobs SET referenced_at = :now WHERE sha256 = :sha")
                .bind("now", now).bind("sha", sha256).execute();
        if (rows == 0) {
            throw new IllegalStateException("blob " + sha256 + " was swept before its file was inserted");
        }
    }

    public Optional<StoredFile> findById(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM files WHERE id = :id")
                .bind("id", id).map((rs, ctx) -> map(rs)).findOne());
    }

    /**
     * Gives a file brought from another site the short URL it had there, unless another file has
     * that code in any case; then the first free code of its id. Runs in the caller's transaction,
     * the one that inserts the file, so no file is ever without a link.
     *
     * @return the file's short URL now
     */
    public String keepShortUrl(Handle h, long fileId, String wanted) {
        return shortUrls.claim(h, fileId, wanted);
    }

    /** What an operator's file search compares: a part of the name (any case), the owner's id, or a checksum. */
    public enum Match {
        NAME("LOWER(f.name) LIKE :value ESCAPE '!'"),
        OWNER("f.user_id = :value"),
        MD5("b.md5 = :value"),
        SHA256("f.blob_sha256 = :value");

        private final String condition;

        Match(String condition) {
            this.condition = condition;
        }
    }

    /** The orders of an operator's file search; ties go by id, the same way. */
    public enum Order {
        NAME("LOWER(f.name)"), SIZE("f.size"), DATE("f.created_at"), DOWNLOADS("f.downloads");

        private final String column;

        Order(String column) {
            this.column = column;
        }
    }

    /**
     * An operator's file search: {@code match} null for every file; each other bound null when unset.
     * {@code mimeType} matches a whole type ("image/png") or a family ending in "/" ("image/"); times are
     * epoch millis, {@code uploadedBefore} exclusive.
     */
    public record Search(Match match, String value, Long minSize, Long maxSize, String mimeType, String extension,
                         Long uploadedFrom, Long uploadedBefore, Order order, boolean descending, int offset,
                         int limit) {
    }

    /** Files of any status that the search selects, in its order, from its offset. */
    public List<StoredFile> search(Search search) {
        List<String> conditions = new ArrayList<>(List.of("1 = 1"));
        Map<String, Object> values = new HashMap<>();
        if (search.match() != null) {
            conditions.add(search.match().condition);
            values.put("value", switch (search.match()) {
                case NAME -> Like.containing(search.value());
                case OWNER -> Long.parseLong(search.value());
                case MD5, SHA256 -> search.value().toLowerCase(Locale.ROOT);
            });
        }
        condition(conditions, values, "f.size >= :minSize", "minSize", search.minSize());
        condition(conditions, values, "f.size <= :maxSize", "maxSize", search.maxSize());
        if (search.mimeType() != null) {
            String mime = search.mimeType().toLowerCase(Locale.ROOT);
            boolean family = mime.endsWith("/");
            condition(conditions, values, family ? "LOWER(f.mime_type) LIKE :mime ESCAPE '!'"
                    : "LOWER(f.mime_type) = :mime", "mime", family ? Like.escape(mime) + "%" : mime);
        }
        condition(conditions, values, "LOWER(f.extension) = :extension", "extension",
                search.extension() == null ? null : search.extension().toLowerCase(Locale.ROOT));
        condition(conditions, values, "f.created_at >= :from", "from", search.uploadedFrom());
        condition(conditions, values, "f.created_at < :before", "before", search.uploadedBefore());
        String direction = search.descending() ? "DESC" : "ASC";
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT f.* FROM files f JOIN blobs b ON b.sha256 = f.blob_sha256
                        WHERE <conditions> ORDER BY <order> <direction>, f.id <direction>
                        LIMIT :limit OFFSET :offset""")
                .define("conditions", String.join(" AND ", conditions))
                .define("order", search.order().column).define("direction", direction)
                .bindMap(values).bind("limit", search.limit()).bind("offset", search.offset())
                .map((rs, ctx) -> map(rs)).list());
    }

    /** Adds {@code sql}, which names {@code :name}, when there is a value to compare with. */
    private static void condition(List<String> conditions, Map<String, Object> values, String sql, String name,
                                  Object value) {
        if (value != null) {
            conditions.add(sql);
            values.put(name, value);
        }
    }

    /** The file a short URL names, in any case; an exact match wins. */
    public Optional<StoredFile> findByShortUrl(String shortUrl) {
        return shortUrls.find(shortUrl);
    }

    /** Bytes of the user's active files: what counts against the storage quota. */
    public long usedBytes(long userId) {
        return jdbi.withHandle(h -> usedBytes(h, userId));
    }

    private static long usedBytes(Handle h, long userId) {
        return h.createQuery("SELECT COALESCE(SUM(size), 0) FROM files WHERE user_id = :user AND status = 'active'")
                .bind("user", userId).mapTo(Long.class).one();
    }

    /** The columns of a {@link ListedFile}, read by {@link #listed}. */
    private static final String LISTED_COLUMNS =
            "id, short_url, name, extension, mime_type, size, status, is_public, downloads, created_at";

    /** Orders a folder's files may be listed in, each by its column (names compare without case). */
    public enum ListingOrder {
        NAME("LOWER(name)"), SIZE("size"), DATE("created_at"), DOWNLOADS("downloads");

        private final String column;

        ListingOrder(String column) {
            this.column = column;
        }
    }

    private static ListedFile listed(ResultSet rs, Long folderId) throws SQLException {
        return new ListedFile(rs.getLong(1), rs.getString(2), folderId, rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getLong(6), FileStatus.parse(rs.getString(7)), rs.getInt(8), rs.getLong(9),
                rs.getLong(10));
    }

    /** The user's files in a folder (null: the root), active ones only or trashed ones too. */
    public List<ListedFile> listInFolder(long userId, Long folderId, boolean withTrash) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + LISTED_COLUMNS
                        + " FROM files WHERE user_id = :user AND <folder> <active>")
                .define("folder", inFolder(folderId)).define("active", withTrash ? "" : "AND status = 'active'")
                .bind("folder", folderId).bind("user", userId)
                .map((rs, ctx) -> listed(rs, folderId))
                .list());
    }

    /** One page of the user's active files in a folder (null: the root), sorted by the database; ties by id. */
    public List<ListedFile> activePage(long userId, Long folderId, ListingOrder order, boolean descending,
                                       int limit, long offset) {
        String direction = descending ? "DESC" : "ASC";
        return jdbi.withHandle(h -> h.createQuery("SELECT " + LISTED_COLUMNS + """
                         FROM files WHERE user_id = :user AND <folder> AND status = 'active'
                        ORDER BY <order> <direction>, id <direction> LIMIT :limit OFFSET :offset""")
                .define("folder", inFolder(folderId)).define("order", order.column).define("direction", direction)
                .bind("folder", folderId).bind("user", userId).bind("limit", limit).bind("offset", offset)
                .map((rs, ctx) -> listed(rs, folderId))
                .list());
    }

    /** How many active files the user has in a folder (null: the root). */
    public int countActiveIn(long userId, Long folderId) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM files WHERE user_id = :user AND <folder> AND status = 'active'")
                .define("folder", inFolder(folderId)).bind("folder", folderId).bind("user", userId)
                .mapTo(Integer.class).one());
    }

    /** Renames, retypes or moves; {@code naming} says what a name the folder has already becomes. */
    public StoredFile update(StoredFile file, String name, String mimeType, Long folderId, Naming naming) {
        jdbi.useTransaction(h -> {
            lockAccount(h, file.userId());
            String newName = named(h, naming, file.userId(), folderId, name);
            h.createUpdate("""
                            UPDATE files SET name = :name, extension = :extension, mime_type = :mime, folder_id = :folder
                            WHERE id = :id""")
                    .bind("name", newName).bind("extension", FileNames.extensionOf(newName))
                    .bind("mime", mimeType).bind("folder", folderId).bind("id", file.id()).execute();
        });
        return findById(file.id()).orElseThrow();
    }

    /**
     * Brings a trashed file back, into {@code folderId} (null: the root), if it fits in {@code allowedBytes}
     * (0 or less: no limit), checked atomically with the account's inserts as {@link #insert} does.
     *
     * @return false when the quota has no room for it
     */
    public boolean restore(StoredFile file, Long folderId, long allowedBytes) {
        return jdbi.inTransaction(h -> {
            lockAccount(h, file.userId());
            if (allowedBytes > 0 && usedBytes(h, file.userId()) + file.size() > allowedBytes) {
                return false;
            }
            h.createUpdate("""
                            UPDATE files SET status = :active, trashed_at = NULL, folder_id = :folder
                            WHERE id = :id AND status = :trash""")
                    .bind("active", FileStatus.ACTIVE.value()).bind("trash", FileStatus.TRASH.value())
                    .bind("folder", folderId).bind("id", file.id()).execute();
            return true;
        });
    }

    /** Deletes the user's trashed files now; their blobs go with the next sweep when nothing else uses them. */
    public int deleteTrashOf(long userId) {
        return jdbi.inTransaction(h -> h.createUpdate("DELETE FROM files WHERE user_id = :user AND status = :trash")
                .bind("user", userId).bind("trash", FileStatus.TRASH.value()).execute());
    }

    /** The user's files in {@code status} whose name contains {@code text} (any case; all when blank), by name. */
    public List<StoredFile> findByName(long userId, FileStatus status, String text, int limit) {
        String pattern = Like.containing(text);
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT * FROM files WHERE user_id = :user AND status = :status
                        AND LOWER(name) LIKE :pattern ESCAPE '!' ORDER BY name, id LIMIT :limit""")
                .bind("user", userId).bind("status", status.value()).bind("pattern", pattern).bind("limit", limit)
                .map((rs, ctx) -> map(rs)).list());
    }

    /** Removes a row that never became visible to its owner (a refused upload). */
    public void deleteRow(long id) {
        jdbi.useTransaction(h -> h.createUpdate("DELETE FROM files WHERE id = :id").bind("id", id).execute());
    }

    public void trash(long id, long now) {
        jdbi.useTransaction(h -> h.createUpdate(
                        "UPDATE files SET status = :trash, trashed_at = :now WHERE id = :id AND status = :active")
                .bind("trash", FileStatus.TRASH.value()).bind("active", FileStatus.ACTIVE.value())
                .bind("now", now).bind("id", id).execute());
    }

    /** Files created in consecutive periods (see {@link PeriodCounts}), whatever their status now. */
    public long[] countsCreatedPerPeriod(long[] starts, long end) {
        return jdbi.withHandle(h -> PeriodCounts.count(h, "files", "created_at", "*", "1 = 1", query -> { },
                starts, end));
    }

    /** The account is being deleted: all its active files go to the trash, where the purge takes them. */
    public void trashAllOf(long userId, long now) {
        jdbi.useTransaction(h -> h.createUpdate(
                        "UPDATE files SET status = :trash, trashed_at = :now WHERE user_id = :user AND status = :active")
                .bind("trash", FileStatus.TRASH.value()).bind("active", FileStatus.ACTIVE.value())
                .bind("now", now).bind("user", userId).execute());
    }

    /** Folder ids bound at most this many at a time: both databases cap the parameters of a statement. */
    private static final int FOLDERS_PER_STATEMENT = 1000;

    /** The folders went to the trash: the user's active files in them follow. */
    public void trashInFolders(long userId, List<Long> folderIds, long now) {
        jdbi.useTransaction(h -> {
            for (int from = 0; from < folderIds.size(); from += FOLDERS_PER_STATEMENT) {
                h.createUpdate("""
                                UPDATE files SET status = :trash, trashed_at = :now
                                WHERE user_id = :user AND status = :active AND folder_id IN (<folders>)""")
                        .bind("trash", FileStatus.TRASH.value()).bind("active", FileStatus.ACTIVE.value())
                        .bind("user", userId).bind("now", now)
                        .bindList("folders", folderIds.subList(from, Math.min(from + FOLDERS_PER_STATEMENT, folderIds.size())))
                        .execute();
            }
        });
    }

    /** A download began: the file was accessed now, and the download adds to its count when {@code counted}. */
    public void recordDownload(long id, long now, boolean counted) {
        jdbi.useTransaction(h -> h.createUpdate(
                        "UPDATE files SET downloads = downloads + :added, last_accessed_at = :now WHERE id = :id")
                .bind("added", counted ? 1 : 0).bind("now", now).bind("id", id).execute());
    }

    static StoredFile map(ResultSet rs) throws SQLException {
        return new StoredFile(
                rs.getLong("id"),
                rs.getString("short_url"),
                rs.getLong("user_id"),
                Rows.nullableLong(rs, "folder_id"),
                rs.getString("name"),
                rs.getString("extension"),
                rs.getString("mime_type"),
                rs.getLong("size"),
                rs.getString("blob_sha256"),
                rs.getString("delete_hash"),
                rs.getString("unique_hash"),
                FileStatus.parse(rs.getString("status")),
                rs.getInt("is_public"),
                rs.getLong("downloads"),
                rs.getString("uploaded_ip"),
                rs.getString("upload_source"),
                rs.getString("description"),
                rs.getLong("created_at"),
                Rows.nullableLong(rs, "last_accessed_at"));
    }
}
