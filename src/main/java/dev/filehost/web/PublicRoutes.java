package dev.filehost.web;

import dev.filehost.file.DownloadService;
import dev.filehost.file.StoredFile;
import dev.filehost.http.ClientAddress;
import dev.filehost.http.WebRoutes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Optional;

/** The short-URL routes: /&lt;short&gt; and /&lt;short&gt;/&lt;name&gt; (page or download). */
public final class PublicRoutes implements WebRoutes {
    private final DownloadService downloads;
    private final DownloadResponder responder;
    private final FilePages pages;
    private final ErrorPages errors;
    private final ClientAddress clientAddress;

    public PublicRoutes(DownloadService downloads, DownloadResponder responder, FilePages pages, ErrorPages errors,
                        ClientAddress clientAddress) {
        this.downloads = downloads;
        this.responder = responder;
        this.pages = pages;
        this.errors = errors;
        this.clientAddress = clientAddress;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/{ref}", ctx -> file(ctx, ctx.pathParam("ref")));
        routes.head("/{ref}", ctx -> file(ctx, ctx.pathParam("ref")));
        routes.get("/{ref}/{name}", ctx -> file(ctx, ctx.pathParam("ref")));
        routes.head("/{ref}/{name}", ctx -> file(ctx, ctx.pathParam("ref")));
    }

    private void file(Context ctx, String shortUrl) throws IOException {
        ctx.header("X-Content-Type-Options", "nosniff");
        String token = ctx.queryParam("download_token");
        String ip = clientAddress.of(ctx);
        if (token != null) {
            // A link from /file/download works whatever the folder's privacy: its owner made it.
            Optional<StoredFile> file = downloads.activeFile(shortUrl);
            if (file.isPresent()) {
                responder.serve(ctx, file.get(), token, ip);
            } else {
                errors.notFound(ctx);
            }
            return;
        }
        Optional<StoredFile> file = downloads.publicFile(shortUrl);
        if (file.isPresent()) {
            pages.file(ctx, file.get(), ip);
        } else {
            errors.notFound(ctx);
        }
    }
}
