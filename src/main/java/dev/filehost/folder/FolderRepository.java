package dev.filehost.folder;

import org.jdbi.v3.core.Jdbi;

/** SQL for folders. */
public final class FolderRepository {
    private final Jdbi jdbi;

    public FolderRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public boolean isActiveAndOwnedBy(long folderId, long userId) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM folders WHERE id = :id AND user_id = :user AND status = 'active'")
                .bind("id", folderId).bind("user", userId).mapTo(Long.class).one()) > 0;
    }

    /** The privacy of the folder a file lives in: 0 private, 1 unlisted, 2 public. */
    public int privacyOf(long folderId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT is_public FROM folders WHERE id = :id")
                .bind("id", folderId).mapTo(Integer.class).findOne().orElse(0));
    }
}
