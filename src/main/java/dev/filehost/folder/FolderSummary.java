package dev.filehost.folder;

/**
 * A folder with its counts: the size of the active files in it and in all its sub-folders;
 * the downloads of the active files directly in it (as the original counts them), and how
 * many active files and sub-folders it holds directly.
 */
public record FolderSummary(Folder folder, long totalSize, long totalDownloads, long childFolderCount,
                            long fileCount) {
}
