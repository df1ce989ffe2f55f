package dev.filehost.file;

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
}
