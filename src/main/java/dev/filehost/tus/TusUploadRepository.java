package dev.filehost.tus;

import dev.filehost.db.Database;
import dev.filehost.db.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** SQL for the tus_uploads table. */
public final class TusUploadRepository {
    private final Jdbi jdbi;

    public TusUploadRepository(Database database) {
        this.jdbi = database.jdbi();
    }

    public void insert(TusUpload upload) {
        jdbi.useTransaction(h -> h.createUpdate("""
                        INSERT INTO tus_uploads (id, user_id, upload_length, upload_offset, metadata, file_name, folder_id,
                            uploaded_ip, created_at, expires_at, guest_grant_hash)
                        VALUES (:id, :user, :length, 0, :metadata, :name, :folder, :ip, :created, :expires, :grant)""")
                .bind("id", upload.id()).bind("user", upload.userId()).bind("length", upload.length())
                .bind("metadata", upload.metadata()).bind("name", upload.fileName())
                .bind("folder", upload.folderId()).bind("ip", upload.ip()).bind("created", upload.createdAt())
                .bind("expires", upload.expiresAt()).bind("grant", upload.guestGrant())
                .execute());
    }

    public Optional<TusUpload> find(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM tus_uploads WHERE id = :id")
                .bind("id", id).map((rs, ctx) -> map(rs)).findOne());
    }

    /** Uploads in progress (not complete), oldest first. */
    public List<TusUpload> listInProgress() {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT * FROM tus_uploads WHERE file_id IS NULL ORDER BY created_at, id")
                .map((rs, ctx) -> map(rs)).list());
    }

    /** Uploads whose expiry passed, complete or not. */
    public List<TusUpload> listExpired(long now, int limit) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT * FROM tus_uploads WHERE expires_at <= :now ORDER BY expires_at LIMIT :limit")
                .bind("now", now).bind("limit", limit).map((rs, ctx) -> map(rs)).list());
    }

    /**
     * Takes the upload's lease for {@code owner} until {@code until}, unless another owner holds one
     * that has not run out by {@code now}.
     */
    public boolean claimLease(String id, String owner, long now, long until) {
        return jdbi.inTransaction(h -> h.createUpdate("""
                        UPDATE tus_uploads SET lease_owner = :owner, lease_until = :until
                        WHERE id = :id AND file_id IS NULL
                            AND (lease_owner IS NULL OR lease_owner = :owner OR lease_until <= :now)""")
                .bind("id", id).bind("owner", owner).bind("now", now).bind("until", until).execute()) == 1;
    }

    public void releaseLease(String id, String owner) {
        jdbi.useTransaction(h -> h.createUpdate("""
                        UPDATE tus_uploads SET lease_owner = NULL, lease_until = NULL
                        WHERE id = :id AND lease_owner = :owner""")
                .bind("id", id).bind("owner", owner).execute());
    }

    /** Records the bytes received under {@code owner}'s lease; false when the lease was lost meanwhile. */
    public boolean advance(String id, String owner, long offset, Long length, long expiresAt) {
        return advance(id, owner, offset, length, expiresAt, "");
    }

    /** As {@link #advance}, and ends the lease in the same commit: one write less for a PATCH that ends here. */
    public boolean advanceAndRelease(String id, String owner, long offset, Long length, long expiresAt) {
        return advance(id, owner, offset, length, expiresAt, ", lease_owner = NULL, lease_until = NULL");
    }

    private boolean advance(String id, String owner, long offset, Long length, long expiresAt, String release) {
        return jdbi.inTransaction(h -> h.createUpdate("""
                        UPDATE tus_uploads SET upload_offset = :offset, upload_length = :length, expires_at = :expires"""
                        + release + " WHERE id = :id AND lease_owner = :owner")
                .bind("id", id).bind("owner", owner).bind("offset", offset).bind("length", length)
                .bind("expires", expiresAt).execute()) == 1;
    }

    public void markComplete(String id, long fileId, long expiresAt) {
        jdbi.useTransaction(h -> h.createUpdate("""
                        UPDATE tus_uploads SET file_id = :file, expires_at = :expires, lease_owner = NULL,
                            lease_until = NULL WHERE id = :id""")
                .bind("id", id).bind("file", fileId).bind("expires", expiresAt).execute());
    }

    public boolean delete(String id) {
        return jdbi.inTransaction(h -> h.createUpdate("DELETE FROM tus_uploads WHERE id = :id")
                .bind("id", id).execute()) == 1;
    }

    private static TusUpload map(ResultSet rs) throws SQLException {
        return new TusUpload(rs.getString("id"), rs.getLong("user_id"), Rows.nullableLong(rs, "upload_length"),
                rs.getLong("upload_offset"), rs.getString("metadata"), rs.getString("file_name"),
                Rows.nullableLong(rs, "folder_id"), rs.getString("uploaded_ip"), rs.getLong("created_at"),
                rs.getLong("expires_at"), Rows.nullableLong(rs, "file_id"), rs.getString("guest_grant_hash"));
    }
}
