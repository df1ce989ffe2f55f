package dev.filehost.web;

import dev.filehost.http.Html;
import io.javalin.http.Context;

/** Plain HTML pages for refusals and missing things; every text is escaped. */
public final class ErrorPages {
    private final String siteName;

    public ErrorPages(String siteName) {
        this.siteName = siteName;
    }

    public void notFound(Context ctx) {
        render(ctx, 404, "The file or page you are looking for does not exist or is no longer available.");
    }

    public void render(Context ctx, int status, String message) {
        ctx.status(status).contentType("text/html; charset=utf-8").header("X-Content-Type-Options", "nosniff")
                .result("<!doctype html><html><head><meta charset=\"utf-8\"><title>" + Html.escape(siteName)
                        + "</title></head><body><h1>" + Html.escape(siteName) + "</h1><p>" + Html.escape(message)
                        + "</p></body></html>");
    }
}
