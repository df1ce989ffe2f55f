package dev.filehost.folder;

import java.util.Objects;

/**
 * A folder row; a null parent is the root; the password is the MD5 hex of the access password, or null;
 * the url hash is a random 32-hex name of the folder that its public URL accepts as well as the id.
 */
public record Folder(
        long id,
        long userId,
        Long parentId,
        String name,
        FolderPrivacy privacy,
        String accessPassword,
        boolean trashed,
        String urlHash,
        long createdAt,
        Long updatedAt) {

    public boolean hasPassword() {
        return accessPassword != null;
    }

    /** "active" or "trash", as folder objects report it. */
    public String status() {
        return trashed ? "trash" : "active";
    }

    Folder withChanges(String newName, Long newParentId, FolderPrivacy newPrivacy, String newPassword, long now) {
        return new Folder(id, userId, newParentId, newName, newPrivacy, newPassword, trashed, urlHash, createdAt, now);
    }

    /** Whether the changes would alter anything: an edit that changes nothing leaves the update time alone. */
    boolean differsFrom(String newName, Long newParentId, FolderPrivacy newPrivacy, String newPassword) {
        return !name.equals(newName) || !Objects.equals(parentId, newParentId) || privacy != newPrivacy
                || !Objects.equals(accessPassword, newPassword);
    }
}
