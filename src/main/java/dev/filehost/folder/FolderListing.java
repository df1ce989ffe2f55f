package dev.filehost.folder;

import dev.filehost.file.StoredFile;
import java.util.List;

/** What a folder holds: its sub-folders and files, each sorted by name. */
public record FolderListing(List<FolderSummary> folders, List<StoredFile> files) {
}
