package dev.filehost.web;

import dev.filehost.file.FileLinks;
import dev.filehost.file.FileService;
import dev.filehost.file.StoredFile;
import io.javalin.http.Context;

/** The owner's delete page ("~d?hash"): GET asks, POST moves the file to the trash. */
public final class DeletePages {
    private final FileService files;
    private final FileLinks links;
    private final FileSummaries summaries;
    private final Templates templates;

    public DeletePages(FileService files, FileLinks links, FileSummaries summaries, Templates templates) {
        this.files = files;
        this.links = links;
        this.summaries = summaries;
        this.templates = templates;
    }

    private record ConfirmPage(FileSummary file, String deleteUrl) {
    }

    private record DeletedPage(String name) {
    }

    void confirm(Context ctx, StoredFile file) {
        templates.send(ctx, 200, "delete", new ConfirmPage(summaries.of(file), links.delete(file)));
    }

    void delete(Context ctx, StoredFile file) {
        StoredFile trashed = files.trash(file);
        templates.send(ctx, 200, "deleted", new DeletedPage(trashed.name()));
    }
}
