package dev.filehost.folder;

/**
 * A folder with its counts: size and downloads of the active files in it and in all its
 * sub-folders, and how many active files and sub-folders it holds directly.
 */
public record FolderSummary(Folder folder, long totalSize, long totalDownloads, long childFolderCount,
                            long fileCount) {
}
