package dev.filehost.web;

import dev.filehost.admin.AbuseReports;
import dev.filehost.file.DownloadService;
import dev.filehost.file.StoredFile;
import dev.filehost.folder.FolderAccess;
import dev.filehost.folder.FolderLinks;
import dev.filehost.http.ClientAddress;
import dev.filehost.http.WebRoutes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The short-URL routes: /&lt;short&gt; (file page or download), /&lt;short&gt;/&lt;name&gt;, and the
 * pages of {@link PageKind}. The public sees active files outside private folders; the holder
 * of a file's delete hash also sees its owner pages, whatever the folder.
 */
public final class PublicRoutes implements WebRoutes {
    static final String BAD_DELETE_LINK = "This delete link is not valid. Only the uploader's link can delete a file.";
    static final String WRONG_METHOD = "This page can only be viewed.";
    static final String REMOVED_AFTER_REPORT = "This file was removed after a report.";

    private final DownloadService downloads;
    private final DownloadResponder responder;
    private final FilePages filePages;
    private final StatsPages statsPages;
    private final DeletePages deletePages;
    private final ReportPages reportPages;
    private final AbuseReports reports;
    private final ImagePreviews previews;
    private final ErrorPages errors;
    private final ClientAddress clientAddress;
    private final FolderAccess folderAccess;
    private final FolderLinks folderLinks;

    public PublicRoutes(DownloadService downloads, DownloadResponder responder, FilePages filePages,
                        StatsPages statsPages, DeletePages deletePages, ReportPages reportPages, AbuseReports reports,
                        ImagePreviews previews, ErrorPages errors, ClientAddress clientAddress,
                        FolderAccess folderAccess, FolderLinks folderLinks) {
        this.downloads = downloads;
        this.responder = responder;
        this.filePages = filePages;
        this.statsPages = statsPages;
        this.deletePages = deletePages;
        this.reportPages = reportPages;
        this.reports = reports;
        this.previews = previews;
        this.errors = errors;
        this.clientAddress = clientAddress;
        this.folderAccess = folderAccess;
        this.folderLinks = folderLinks;
    }

    @FunctionalInterface
    private interface FileAction {
        void apply(StoredFile file) throws IOException;
    }

    @Override
    public void register(RoutesConfig routes) {
        for (String path : List.of("/{ref}", "/{ref}/{name}")) {
            routes.get(path, ctx -> answer(ctx, false));
            routes.head(path, ctx -> answer(ctx, false));
            routes.post(path, ctx -> answer(ctx, true));
            routes.delete(path, this::deleteRequest);
        }
    }

    private void answer(Context ctx, boolean post) throws IOException {
        Optional<PageRef> ref = pageRef(ctx);
        if (ref.isEmpty()) {
            errors.notFound(ctx);
        } else if (post) {
            post(ctx, ref.get());
        } else {
            get(ctx, ref.get());
        }
    }

    /** The page a path names. */
    private static Optional<PageRef> pageRef(Context ctx) {
        return PageRef.parse(ctx.pathParam("ref"));
    }

    private void deleteRequest(Context ctx) throws IOException {
        Optional<PageRef> ref = pageRef(ctx).filter(r -> r.kind() == PageKind.DELETE);
        if (ref.isEmpty()) {
            errors.notFound(ctx);
        } else {
            ifOwner(ctx, ref.get(), file -> deletePages.deleteWithoutPage(ctx, file));
        }
    }

    private void get(Context ctx, PageRef ref) throws IOException {
        switch (ref.kind()) {
            case FILE -> fileOrDownload(ctx, ref);
            case INFO -> info(ctx, ref);
            case STATS -> ifPublic(ctx, ref, file -> statsPages.stats(ctx, file));
            case DELETE -> ifOwner(ctx, ref, file -> deletePages.confirm(ctx, file));
            case PREVIEW -> ifPublic(ctx, ref, file -> previews.serve(ctx, file));
            case REPORT -> ifPublic(ctx, ref, file -> ctx.redirect("/" + file.shortUrl(), HttpStatus.SEE_OTHER));
        }
    }

    private void post(Context ctx, PageRef ref) throws IOException {
        if (ref.kind() == PageKind.DELETE) {
            ifOwner(ctx, ref, file -> deletePages.delete(ctx, file));
        } else if (ref.kind() == PageKind.REPORT) {
            ifPublic(ctx, ref, file -> reportPages.report(ctx, file, clientAddress.of(ctx)));
        } else {
            ctx.header("Allow", "GET, HEAD");
            errors.render(ctx, 405, WRONG_METHOD);
        }
    }

    private void fileOrDownload(Context ctx, PageRef ref) throws IOException {
        String token = ctx.queryParam("download_token");
        String ip = clientAddress.of(ctx);
        if (token == null) {
            ifPublic(ctx, ref, file -> filePages.file(ctx, file, ip));
            return;
        }
        // A link from /file/download works whatever the folder's privacy: its owner made it.
        Optional<StoredFile> file = downloads.activeFile(ref.shortUrl());
        if (file.isPresent()) {
            responder.serve(ctx, file.get(), token, ip);
        } else {
            errors.notFound(ctx);
        }
    }

    private void info(Context ctx, PageRef ref) throws IOException {
        Optional<StoredFile> owned = ownedByCaller(ctx, ref);
        if (owned.isPresent()) {
            filePages.info(ctx, owned.get(), true);
        } else {
            ifPublic(ctx, ref, file -> filePages.info(ctx, file, false));
        }
    }

    /**
     * Public files only; one in a password-protected folder sends the visitor to that folder's password form
     * first. A file gone to the trash after an abuse report says so.
     */
    private void ifPublic(Context ctx, PageRef ref, FileAction action) throws IOException {
        Optional<StoredFile> file = downloads.publicFile(ref.shortUrl());
        if (file.isEmpty() && reports.removedAfterReport(ref.shortUrl())) {
            errors.render(ctx, 404, REMOVED_AFTER_REPORT);
            return;
        }
        if (file.isEmpty()) {
            errors.notFound(ctx);
            return;
        }
        Optional<FolderAccess.Visit> locked = lockedFolderOf(ctx, file.get());
        if (locked.isPresent()) {
            ctx.redirect(folderLinks.page(locked.get().lockedBy().orElseThrow()), HttpStatus.SEE_OTHER);
        } else {
            action.apply(file.get());
        }
    }

    private Optional<FolderAccess.Visit> lockedFolderOf(Context ctx, StoredFile file) {
        if (file.folderId() == null) {
            return Optional.empty();
        }
        String visitor = FolderRoutes.visitorToken(ctx).orElse(null);
        return folderAccess.visit(file.folderId(), visitor).filter(visit -> !visit.isOpen());
    }

    /** A wrong hash is refused where the public may see the file, and is a plain 404 where it may not. */
    private void ifOwner(Context ctx, PageRef ref, FileAction action) throws IOException {
        Optional<StoredFile> owned = ownedByCaller(ctx, ref);
        if (owned.isPresent()) {
            action.apply(owned.get());
        } else if (downloads.publicFile(ref.shortUrl()).isPresent()) {
            errors.render(ctx, 403, BAD_DELETE_LINK);
        } else {
            errors.notFound(ctx);
        }
    }

    /** The active file, when the query string is exactly its delete hash. */
    private Optional<StoredFile> ownedByCaller(Context ctx, PageRef ref) {
        String hash = ctx.queryString();
        return downloads.activeFile(ref.shortUrl()).filter(file -> file.hasDeleteHash(hash));
    }
}
