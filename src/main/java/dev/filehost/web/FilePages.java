package dev.filehost.web;

import dev.filehost.file.DownloadService;
import dev.filehost.file.FileLinks;
import dev.filehost.file.StoredFile;
import dev.filehost.http.Html;
import io.javalin.http.Context;

/** The public page of a file: its name, size and type, and a download button. */
public final class FilePages {
    private final DownloadService downloads;
    private final FileLinks links;
    private final String siteName;

    public FilePages(DownloadService downloads, FileLinks links, String siteName) {
        this.downloads = downloads;
        this.links = links;
        this.siteName = siteName;
    }

    public void file(Context ctx, StoredFile file, String ip) {
        String downloadUrl = links.download(file, downloads.visitorLink(file, ip));
        ctx.contentType("text/html; charset=utf-8").result("<!doctype html><html><head><meta charset=\"utf-8\"><title>"
                + Html.escape(file.name()) + " - " + Html.escape(siteName) + "</title></head><body><h1>"
                + Html.escape(file.name()) + "</h1><p>" + file.size() + " bytes, " + Html.escape(file.mimeType())
                + "</p><p><a href=\"" + Html.escape(downloadUrl) + "\">Download</a></p></body></html>");
    }
}
