package dev.filehost.web;

import dev.filehost.file.FileLinks;
import dev.filehost.file.FileService;
import dev.filehost.file.StoredFile;
import io.javalin.http.Context;

/**
 * The owner's delete page ("~d?hash"): GET asks, POST from that page (with its CSRF token) moves the file
 * to the trash; an HTTP DELETE of the same URL (the upload answer's delete_type, which no cross-site form
 * can send) does so too, without a page.
 */
public final class DeletePages {
    private final FileService files;
    private final FileLinks links;
    private final FileSummaries summaries;
    private final Templates templates;
    private final SiteGate gate;

    public DeletePages(FileService files, FileLinks links, FileSummaries summaries, Templates templates,
                       SiteGate gate) {
        this.files = files;
        this.links = links;
        this.summaries = summaries;
        this.templates = templates;
        this.gate = gate;
    }

    private record ConfirmPage(FileSummary file, String deleteUrl) {
    }

    private record DeletedPage(String name) {
    }

    void confirm(Context ctx, StoredFile file) {
        templates.send(ctx, 200, "delete", new ConfirmPage(summaries.of(file), links.delete(file)));
    }

    /** The confirm page's form carries the CSRF token: a page elsewhere cannot make a holder's browser delete. */
    void delete(Context ctx, StoredFile file) {
        if (!gate.csrf(ctx)) {
            return;
        }
        StoredFile trashed = files.trash(file);
        templates.send(ctx, 200, "deleted", new DeletedPage(trashed.name()));
    }

    void deleteWithoutPage(Context ctx, StoredFile file) {
        files.trash(file);
        ctx.status(204);
    }
}
