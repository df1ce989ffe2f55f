package dev.filehost.web;

import dev.filehost.file.DownloadService;
import dev.filehost.file.FileLinks;
import dev.filehost.file.StoredFile;
import io.javalin.http.Context;

/** The file page (facts, download button, image preview, the report form) and its info page ("~i"). */
public final class FilePages {
    private final DownloadService downloads;
    private final FileLinks links;
    private final FileSummaries summaries;
    private final ImagePreviews previews;
    private final Templates templates;

    public FilePages(DownloadService downloads, FileLinks links, FileSummaries summaries, ImagePreviews previews,
                     Templates templates) {
        this.downloads = downloads;
        this.links = links;
        this.summaries = summaries;
        this.previews = previews;
        this.templates = templates;
    }

    /** The link works after {@code waitSeconds}; the server enforces it, the page counts down. */
    private record FilePage(FileSummary file, String downloadUrl, long waitSeconds, String previewUrl,
                            ReportForm report) {
        boolean waits() {
            return waitSeconds > 0;
        }
    }

    /** {@code deleteUrl} only for the owner, who came with the delete hash. */
    private record InfoPage(FileSummary file, String deleteUrl) {
    }

    void file(Context ctx, StoredFile file, String ip) {
        file(ctx, 200, file, ip, ReportForm.blank(reportAction(file)));
    }

    /** The file page with its report form in the state {@code report}. */
    void file(Context ctx, int status, StoredFile file, String ip, ReportForm report) {
        DownloadService.VisitorLink link = downloads.visitorLink(file, ip);
        templates.send(ctx, status, "file", new FilePage(summaries.of(file), links.download(file, link.token()),
                link.waitSeconds(), previews.offers(file) ? links.preview(file) : null, report));
    }

    /** Where the report form posts: the file's "~r" path on this site. */
    static String reportAction(StoredFile file) {
        return "/" + file.shortUrl() + "~r";
    }

    void info(Context ctx, StoredFile file, boolean owner) {
        templates.send(ctx, 200, "info", new InfoPage(summaries.of(file), owner ? links.delete(file) : null));
    }
}
