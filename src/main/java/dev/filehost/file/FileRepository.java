package dev.filehost.file;

import dev.filehost.auth.Secrets;
import dev.filehost.db.Rows;
import dev.filehost.db.UniqueViolation;
import dev.filehost.storage.StoredBlob;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** SQL for files and the blob rows they refer to. */
public final class FileRepository {
    private static final int MAX_NAME_ATTEMPTS = 20;

    private final Jdbi jdbi;

    public FileRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
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

    /**
     * Inserts the file under its name, or "name (2).ext" and so on when the folder already has an
     * active file of that name. The blob row must exist ({@link #referenceBlob} for an upload, the
     * original's for a copy); it is marked as referenced in the same transaction.
     */
    public StoredFile insert(NewFile file, long now) {
        for (int attempt = 0; attempt < MAX_NAME_ATTEMPTS; attempt++) {
            String name = freeName(file.userId(), file.folderId(), file.name());
            try {
                long id = jdbi.inTransaction(h -> {
                    refreshBlobReference(h, file.blobSha256(), now);
                    return h.createQuery("""
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
                });
                return findById(id).orElseThrow();
            } catch (RuntimeException e) {
                if (!UniqueViolation.causedBy(e)) {
                    throw e;
                }
                // Another upload took the name between our look and our insert: look again.
            }
        }
        throw new IllegalStateException("could not find a free name for " + file.name());
    }

    /** The name itself, or the first "name (n).ext" no active file of the folder uses. */
    public String freeName(long userId, Long folderId, String name) {
        Set<String> taken = new HashSet<>(jdbi.withHandle(h -> h.createQuery("""
                        SELECT name FROM files WHERE user_id = :user AND <folder>
                        AND status = 'active' AND (name = :name OR name LIKE :pattern ESCAPE '!')""")
                .define("folder", inFolder(folderId)).bind("folder", folderId)
                .bind("user", userId).bind("name", name)
                .bind("pattern", likePattern(name)).mapTo(String.class).list()));
        if (!taken.contains(name)) {
            return name;
        }
        for (int n = 2; ; n++) {
            String candidate = FileNames.numbered(name, n);
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
    }

    /** The condition for "in this folder", written so that the (user, folder) index serves it. */
    static String inFolder(Long folderId) {
        return folderId == null ? "folder_id IS NULL" : "folder_id = :folder";
    }

    private static String likePattern(String name) {
        int dot = name.lastIndexOf('.');
        String stem = dot <= 0 ? name : name.substring(0, dot);
        String extension = dot <= 0 ? "" : name.substring(dot);
        return escapeLike(stem) + " (%)" + escapeLike(extension);
    }

    private static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
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

    public Optional<String> md5Of(String blobSha256) {
        return jdbi.withHandle(h -> h.createQuery("SELECT md5 FROM blobs WHERE sha256 = :sha")
                .bind("sha", blobSha256).mapTo(String.class).findOne());
    }

    /** Bytes of the user's active files: what counts against the storage quota. */
    public long usedBytes(long userId) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT COALESCE(SUM(size), 0) FROM files WHERE user_id = :user AND status = 'active'")
                .bind("user", userId).mapTo(Long.class).one());
    }

    public List<StoredFile> listActiveInFolder(long userId, Long folderId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT * FROM files WHERE user_id = :user AND <folder>
                        AND status = 'active' ORDER BY name, id""")
                .define("folder", inFolder(folderId)).bind("folder", folderId).bind("user", userId)
                .map((rs, ctx) -> map(rs)).list());
    }

    /** Renames and retypes; the name is made free in the folder first. */
    public StoredFile update(StoredFile file, String name, String mimeType, Long folderId) {
        for (int attempt = 0; attempt < MAX_NAME_ATTEMPTS; attempt++) {
            String freeName = name.equals(file.name()) && java.util.Objects.equals(folderId, file.folderId())
                    ? name : freeName(file.userId(), folderId, name);
            try {
                jdbi.useTransaction(h -> h.createUpdate("""
                                UPDATE files SET name = :name, extension = :extension, mime_type = :mime, folder_id = :folder
                                WHERE id = :id""")
                        .bind("name", freeName).bind("extension", FileNames.extensionOf(freeName))
                        .bind("mime", mimeType).bind("folder", folderId).bind("id", file.id()).execute());
                return findById(file.id()).orElseThrow();
            } catch (RuntimeException e) {
                if (!UniqueViolation.causedBy(e)) {
                    throw e;
                }
            }
        }
        throw new IllegalStateException("could not find a free name for " + name);
    }

    /** Removes a row that never became visible to its owner (a refused upload). */
    public void deleteRow(long id) {
        jdbi.useTransaction(h -> h.createUpdate("DELETE FROM files WHERE id = :id").bind("id", id).execute());
    }

    public void trash(long id, long now) {
        jdbi.useTransaction(h -> h.createUpdate(
                        "UPDATE files SET status = 'trash', trashed_at = :now WHERE id = :id AND status = 'active'")
                .bind("now", now).bind("id", id).execute());
    }

    public void recordDownload(long id, long now) {
        jdbi.useTransaction(h -> h.createUpdate(
                        "UPDATE files SET downloads = downloads + 1, last_accessed_at = :now WHERE id = :id")
                .bind("now", now).bind("id", id).execute());
    }

    static StoredFile map(ResultSet rs) throws SQLException {
        return new StoredFile(
                rs.getLong("id"),
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
                rs.getLong("downloads"),
                rs.getString("uploaded_ip"),
                rs.getString("upload_source"),
                rs.getString("description"),
                rs.getLong("created_at"),
                Rows.nullableLong(rs, "last_accessed_at"));
    }
}
