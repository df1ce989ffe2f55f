package dev.filehost.file;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** A file row; times are epoch milliseconds; {@code ownPrivacy} is the file's own is_public flag (1 public, 0 private). */
public record StoredFile(
        long id,
        String shortUrl,
        long userId,
        Long folderId,
        String name,
        String extension,
        String mimeType,
        long size,
        String blobSha256,
        String deleteHash,
        String uniqueHash,
        FileStatus status,
        int ownPrivacy,
        long downloads,
        String uploadedIp,
        String uploadSource,
        String description,
        long createdAt,
        Long lastAccessedAt) {

    /** The file's own flag lets the public see it; the folders above it may still forbid that. */
    public boolean ownFlagIsPublic() {
        return ownPrivacy != 0;
    }

    public boolean isActive() {
        return status == FileStatus.ACTIVE;
    }

    /** The file as a listing shows it. */
    public ListedFile listed() {
        return new ListedFile(id, shortUrl, folderId, name, extension, mimeType, size, status, ownPrivacy, downloads,
                createdAt);
    }

    /** Whether a caller proved to be the uploader; compared in constant time, as it is a secret. */
    public boolean hasDeleteHash(String candidate) {
        return candidate != null && MessageDigest.isEqual(deleteHash.getBytes(StandardCharsets.US_ASCII),
                candidate.getBytes(StandardCharsets.UTF_8));
    }
}
