package dev.filehost.web;

import dev.filehost.http.HtmlPage;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** HTML pages for refusals and missing things. */
public final class ErrorPages {
    static final String UNAVAILABLE = "This page cannot be shown right now. Please try again in a moment.";
    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

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

    /** What any page route that fails answers: the styled 503, unless the answer has begun already. */
    public void fault(Exception e, Context ctx) {
        if (ctx.res().isCommitted()) {
            // Mid-stream, mostly a visitor who went away; the status line is already sent.
            log.debug("Page {} {} broke off: {}", ctx.method(), ctx.path(), e.toString());
        } else {
            log.error("Page {} {} failed", ctx.method(), ctx.path(), e);
            render(ctx, 503, UNAVAILABLE);
        }
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
