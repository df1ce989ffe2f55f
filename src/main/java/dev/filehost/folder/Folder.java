package dev.filehost.folder;

/** A folder row; a null parent is the root; the password is the MD5 hex of the access password, or null. */
public record Folder(
        long id,
        long userId,
        Long parentId,
        String name,
        FolderPrivacy privacy,
        String accessPassword,
        boolean trashed,
        long createdAt,
        Long updatedAt) {

    public boolean hasPassword() {
        return accessPassword != null;
    }

    Folder withChanges(String newName, Long newParentId, FolderPrivacy newPrivacy, String newPassword, long now) {
        return new Folder(id, userId, newParentId, newName, newPrivacy, newPassword, trashed, createdAt, now);
    }
}
