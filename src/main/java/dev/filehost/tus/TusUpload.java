package dev.filehost.tus;

/**
 * A resumable upload as the database keeps it; times are epoch milliseconds.
 *
 * @param length   the declared size, or null while the client defers it
 * @param metadata the client's Upload-Metadata header, echoed on HEAD
 * @param fileId   the file it became, once complete
 * @param guestGrant the SHA-256 of the grant of the visitor who made it; null for an account's upload
 */
public record TusUpload(
        String id,
        long userId,
        Long length,
        long offset,
        String metadata,
        String fileName,
        Long folderId,
        String ip,
        long createdAt,
        long expiresAt,
        Long fileId,
        String guestGrant) {

    public boolean isComplete() {
        return fileId != null;
    }

    public boolean lengthKnown() {
        return length != null;
    }

    /** The upload as {@link TusUploadRepository#advance} leaves it. */
    TusUpload advancedTo(long newOffset, Long newLength, long newExpiresAt) {
        return new TusUpload(id, userId, newLength, newOffset, metadata, fileName, folderId, ip, createdAt, newExpiresAt,
                fileId, guestGrant);
    }

    public boolean isExpiredAt(long now) {
        return !isComplete() && expiresAt <= now;
    }
}
