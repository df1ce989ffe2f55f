package dev.filehost.folder;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/** SQL for the folder passwords visitors have answered, addressed by the SHA-256 of the visitor's token. */
public final class FolderUnlockRepository {
    private final Jdbi jdbi;

    public FolderUnlockRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public void save(String visitorHash, long folderId, String accessPassword, long expiresAt) {
        jdbi.useTransaction(h -> h.createUpdate("""
                        INSERT INTO folder_unlocks (visitor_hash, folder_id, access_password, expires_at)
                        VALUES (:visitor, :folder, :password, :expires)
                        ON CONFLICT (visitor_hash, folder_id) DO UPDATE
                        SET access_password = :password, expires_at = :expires""")
                .bind("visitor", visitorHash).bind("folder", folderId).bind("password", accessPassword)
                .bind("expires", expiresAt).execute());
    }

    /** Folder id → the password the visitor answered, for those of the folders with a live answer. */
    public Map<Long, String> answered(String visitorHash, List<Long> folderIds, long now) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT folder_id, access_password FROM folder_unlocks
                        WHERE visitor_hash = :visitor AND expires_at > :now AND folder_id IN (<folders>)""")
                .bind("visitor", visitorHash).bind("now", now).bindList("folders", folderIds)
                .map((rs, ctx) -> Map.entry(rs.getLong("folder_id"), rs.getString("access_password")))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    public int deleteExpired(long now) {
        return jdbi.inTransaction(h -> h.createUpdate("DELETE FROM folder_unlocks WHERE expires_at <= :now")
                .bind("now", now).execute());
    }
}
