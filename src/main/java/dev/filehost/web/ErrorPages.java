package dev.filehost.web;

import dev.filehost.http.HtmlPage;
import io.javalin.http.Context;

/** HTML pages for refusals and missing things. */
public final class ErrorPages {
    private final Templates templates;

    public ErrorPages(Templates templates) {
        this.templates = templates;
    }

    private record ErrorPage(String title, String message) {
    }

    public void notFound(Context ctx) {
        render(ctx, 404, "The file or page you are looking for does not exist or is no longer available.");
    }

    public void render(Context ctx, int status, String message) {
        templates.send(ctx, status, "error", new ErrorPage(title(status), message));
    }

    /** The page for answers written outside any route, e.g. to requests Jetty refused. */
    public HtmlPage page(int status, String message) {
        return templates.render("error", new ErrorPage(title(status), message));
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 403 -> "Not allowed";
            case 404 -> "Not found";
            case 405 -> "Wrong method";
            case 414, 431 -> "Request too large";
            case 429 -> "Please wait";
            default -> "Unavailable";
        };
    }
}
