package dev.filehost.folder;

import dev.filehost.file.ListedFile;
import java.util.List;

/** What a folder holds: its sub-folders and files, each sorted by name. */
public record FolderListing(List<FolderSummary> folders, List<ListedFile> files) {
}
