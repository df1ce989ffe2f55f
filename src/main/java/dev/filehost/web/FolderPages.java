package dev.filehost.web;

import dev.filehost.file.FileLinks;
import dev.filehost.file.ListedFile;
import dev.filehost.folder.Folder;
import dev.filehost.folder.FolderListing;
import dev.filehost.folder.FolderLinks;
import dev.filehost.folder.FolderSummary;
import io.javalin.http.Context;
import java.util.List;

/** The public page of a folder: its password form, or its sub-folders and files. */
public final class FolderPages {
    private final Templates templates;
    private final FolderLinks folderLinks;
    private final FileLinks fileLinks;

    public FolderPages(Templates templates, FolderLinks folderLinks, FileLinks fileLinks) {
        this.templates = templates;
        this.folderLinks = folderLinks;
        this.fileLinks = fileLinks;
    }

    /** A locked page shows the form (and {@code error} after a wrong answer); an open one the lists. */
    private record FolderPage(String folderName, boolean locked, String error, List<SubFolder> folders,
                              List<FileRow> files) {
        boolean hasFolders() {
            return !folders.isEmpty();
        }

        boolean hasFiles() {
            return !files.isEmpty();
        }

        boolean isEmpty() {
            return folders.isEmpty() && files.isEmpty();
        }
    }

    private record SubFolder(String name, String url, long fileCount) {
    }

    private record FileRow(String name, String url, String size, String downloadUrl) {
    }

    void listing(Context ctx, Folder folder, FolderListing listing) {
        List<SubFolder> subFolders = listing.folders().stream().map(this::subFolder).toList();
        List<FileRow> files = listing.files().stream().map(file -> row(folder, file)).toList();
        templates.send(ctx, 200, "folder", new FolderPage(folder.name(), false, null, subFolders, files));
    }

    /** The form that asks for a password: the folder's own, or that of a folder above it. */
    void passwordForm(Context ctx, int status, Folder folder, String error) {
        templates.send(ctx, status, "folder", new FolderPage(folder.name(), true, error, List.of(), List.of()));
    }

    private SubFolder subFolder(FolderSummary summary) {
        return new SubFolder(summary.folder().name(), folderLinks.page(summary.folder()), summary.fileCount());
    }

    private FileRow row(Folder folder, ListedFile file) {
        return new FileRow(file.name(), fileLinks.page(file), ByteSizes.human(file.size()),
                folderLinks.download(folder, file.id()));
    }
}
