package dev.filehost.web;

import dev.filehost.file.FileLinks;
import dev.filehost.file.StoredFile;
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
    private final String siteName;

    public FolderPages(Templates templates, FolderLinks folderLinks, FileLinks fileLinks, String siteName) {
        this.templates = templates;
        this.folderLinks = folderLinks;
        this.fileLinks = fileLinks;
        this.siteName = siteName;
    }

    /** What the template shows; a null error and empty lists render nothing. */
    public record Page(String siteName, String folderName, boolean locked, String error,
                       List<SubFolder> folders, List<FileRow> files) {
        public boolean hasFolders() {
            return !folders.isEmpty();
        }

        public boolean hasFiles() {
            return !files.isEmpty();
        }

        public boolean isEmpty() {
            return folders.isEmpty() && files.isEmpty();
        }
    }

    public record SubFolder(String name, String url, long fileCount) {
    }

    public record FileRow(String name, String url, String size, String downloadUrl) {
    }

    public void listing(Context ctx, Folder folder, FolderListing listing) {
        List<SubFolder> subFolders = listing.folders().stream().map(this::subFolder).toList();
        List<FileRow> files = listing.files().stream().map(file -> row(folder, file)).toList();
        render(ctx, 200, new Page(siteName, folder.name(), false, null, subFolders, files));
    }

    /** The form that asks for a password: the folder's own, or that of a folder above it. */
    public void passwordForm(Context ctx, int status, Folder folder, String error) {
        render(ctx, status, new Page(siteName, folder.name(), true, error, List.of(),
                List.of()));
    }

    private SubFolder subFolder(FolderSummary summary) {
        return new SubFolder(summary.folder().name(), folderLinks.page(summary.folder()), summary.fileCount());
    }

    private FileRow row(Folder folder, StoredFile file) {
        return new FileRow(file.name(), fileLinks.page(file), SizeText.of(file.size()),
                folderLinks.download(folder, file.id()));
    }

    private void render(Context ctx, int status, Page page) {
        ctx.status(status).contentType("text/html; charset=utf-8").result(templates.render("folder", page));
    }
}
