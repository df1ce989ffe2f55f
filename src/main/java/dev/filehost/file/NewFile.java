package dev.filehost.file;

/** What is known of a file before its row exists. */
public record NewFile(
        long userId,
        Long folderId,
        String name,
        String mimeType,
        long size,
        String blobSha256,
        String uploadedIp,
        String uploadSource) {
}
