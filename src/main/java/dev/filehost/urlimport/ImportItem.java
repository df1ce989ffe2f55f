package dev.filehost.urlimport;

/** One queued import; times are epoch milliseconds. */
public record ImportItem(
        long id,
        long userId,
        Long folderId,
        String url,
        ImportStatus status,
        long createdAt,
        Long startedAt,
        Long finishedAt,
        Long totalSize,
        long downloadedSize,
        String notes,
        Long fileId,
        int attempts) {
}
