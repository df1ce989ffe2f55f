package dev.filehost.web;

import dev.filehost.core.Ids;
import dev.filehost.core.RateLimiter;
import dev.filehost.file.DownloadService;
import dev.filehost.file.FileLinks;
import dev.filehost.file.StoredFile;
import dev.filehost.folder.FolderAccess;
import dev.filehost.folder.FolderLinks;
import dev.filehost.http.ClientAddress;
import dev.filehost.http.WebRoutes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import java.util.Optional;

/**
 * The public folder pages: /folder/&lt;id or url hash&gt;[/&lt;name&gt;] shows a public or unlisted folder (GET)
 * or takes its password (POST); /folder/&lt;id&gt;/download/&lt;file id&gt; starts a visitor's download.
 * Register before {@link PublicRoutes}, whose /&lt;short&gt;/&lt;name&gt; would match /folder/&lt;id&gt; too.
 */
public final class FolderRoutes implements WebRoutes {
    static final String VISITOR_COOKIE = "filehost_visitor";
    static final String WRONG_PASSWORD = "The password is not correct. Please try again.";
    static final String TOO_MANY_ATTEMPTS = "Too many attempts. Please wait a minute and try again.";
    /** Password guesses a visitor's address may make per minute, on each node. */
    public static final int ATTEMPTS_PER_MINUTE = 10;

    private final FolderAccess access;
    private final FolderPages pages;
    private final FolderLinks folderLinks;
    private final FileLinks fileLinks;
    private final DownloadService downloads;
    private final ErrorPages errors;
    private final ClientAddress clientAddress;
    private final RateLimiter passwordAttempts;
    private final SiteGate gate;
    private final boolean secureCookie;

    /** {@code secureCookie}: the site is served over HTTPS, so the visitor's cookie may travel only there. */
    public FolderRoutes(FolderAccess access, FolderPages pages, FolderLinks folderLinks, FileLinks fileLinks,
                        DownloadService downloads, ErrorPages errors, ClientAddress clientAddress,
                        RateLimiter passwordAttempts, SiteGate gate, boolean secureCookie) {
        this.access = access;
        this.pages = pages;
        this.folderLinks = folderLinks;
        this.fileLinks = fileLinks;
        this.downloads = downloads;
        this.errors = errors;
        this.clientAddress = clientAddress;
        this.passwordAttempts = passwordAttempts;
        this.gate = gate;
        this.secureCookie = secureCookie;
    }

    @Override
    public void register(RoutesConfig routes) {
        for (String path : new String[] {"/folder/{id}", "/folder/{id}/{name}"}) {
            routes.get(path, guarded(this::show));
            routes.head(path, guarded(this::show));
            routes.post(path, guarded(this::unlock));
        }
        routes.get("/folder/{id}/download/{file}", guarded(this::download));
    }

    private void show(Context ctx, FolderAccess.Visit visit) {
        if (visit.isOpen()) {
            pages.listing(ctx, visit.folder(), access.contents(visit));
        } else {
            pages.passwordForm(ctx, 200, visit.folder(), null);
        }
    }

    /**
     * A right password opens the folder (or leads to the next password above it) on the next GET. The form
     * carries its CSRF token, so no other site can plant its own answer (and cookie) in a visitor's browser.
     */
    private void unlock(Context ctx, FolderAccess.Visit visit) {
        if (!gate.csrf(ctx)) {
            return;
        }
        if (visit.isOpen()) {
            ctx.redirect(folderLinks.page(visit.folder()), HttpStatus.SEE_OTHER);
            return;
        }
        long wait = passwordAttempts.acquire(clientAddress.of(ctx));
        if (wait > 0) {
            ctx.header("Retry-After", Long.toString(wait));
            pages.passwordForm(ctx, 429, visit.folder(), TOO_MANY_ATTEMPTS);
            return;
        }
        String visitor = visitorToken(ctx).orElseGet(FolderAccess::newVisitorToken);
        String typed = Optional.ofNullable(ctx.formParam("password")).orElse("");
        if (!access.unlock(visit, visitor, typed)) {
            pages.passwordForm(ctx, 403, visit.folder(), WRONG_PASSWORD);
            return;
        }
        // A session cookie: the browser forgets it when it closes; the server forgets the answer later still.
        ctx.header("Set-Cookie", VISITOR_COOKIE + "=" + visitor + "; Path=/; HttpOnly; SameSite=Lax"
                + (secureCookie ? "; Secure" : ""));
        ctx.redirect(folderLinks.page(visit.folder()), HttpStatus.SEE_OTHER);
    }

    /** The file's download link is made on the click, not for every row of a long listing. */
    private void download(Context ctx, FolderAccess.Visit visit) {
        Optional<StoredFile> file = visit.isOpen()
                ? Ids.parse(ctx.pathParam("file")).flatMap(id -> access.file(visit, id)) : Optional.empty();
        if (file.isEmpty()) {
            errors.notFound(ctx);
            return;
        }
        DownloadService.VisitorLink link = downloads.visitorLink(file.get(), clientAddress.of(ctx));
        // With a wait, the file page shows the countdown; without, the download starts at once.
        String target = link.waitSeconds() > 0 ? fileLinks.page(file.get()) : fileLinks.download(file.get(), link.token());
        ctx.redirect(target, HttpStatus.SEE_OTHER);
    }

    private interface VisitHandler {
        void handle(Context ctx, FolderAccess.Visit visit);
    }

    /** The 404 for folders that are not the public's to see. */
    private Handler guarded(VisitHandler handler) {
        return ctx -> {
            Optional<FolderAccess.Visit> visit = access.folderIdOf(ctx.pathParam("id"))
                    .flatMap(id -> access.visit(id, visitorToken(ctx).orElse(null)));
            if (visit.isPresent()) {
                handler.handle(ctx, visit.get());
            } else {
                errors.notFound(ctx);
            }
        };
    }

    static Optional<String> visitorToken(Context ctx) {
        return Optional.ofNullable(ctx.cookie(VISITOR_COOKIE)).filter(FolderAccess::isVisitorToken);
    }
}
