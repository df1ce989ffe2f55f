package dev.filehost.file;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** A file row; times are epoch milliseconds. */
public record StoredFile(
        long id,
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
        long downloads,
        String uploadedIp,
        String uploadSource,
        String description,
        long createdAt,
        Long lastAccessedAt) {

    public String shortUrl() {
        return ShortUrls.encode(id);
    }

    public boolean isActive() {
        return status == FileStatus.ACTIVE;
    }

    /** Whether a caller proved to be the uploader; compared in constant time, as it is a secret. */
    public boolean hasDeleteHash(String candidate) {
        return candidate != null && MessageDigest.isEqual(deleteHash.getBytes(StandardCharsets.US_ASCII),
                candidate.getBytes(StandardCharsets.UTF_8));
    }
}
