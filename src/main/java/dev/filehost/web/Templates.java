package dev.filehost.web;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.MustacheFactory;
import dev.filehost.http.Html;
import dev.filehost.http.HtmlPage;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Map;

/**
 * The Mustache templates of the public pages (classpath "templates/"), sent as HTML. Every
 * {{value}} goes through {@link Html#escape}; the pages run no script and load nothing foreign.
 */
public final class Templates {
    private static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; "
            + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private static final Map<String, String> HEADERS = Map.of(
            "Content-Type", "text/html; charset=utf-8",
            "X-Content-Type-Options", "nosniff",
            "Content-Security-Policy", POLICY,
            // Pages carry per-visitor download links, and owner pages carry the delete hash.
            "Cache-Control", "no-store",
            "Referrer-Policy", "no-referrer");

    private final MustacheFactory factory = new DefaultMustacheFactory("templates") {
        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(Html.escape(value));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };
    private final Site site;

    public Templates(String siteName) {
        this.site = new Site(siteName);
    }

    /** What every page shows besides its own model: the layout reads it. */
    private record Site(String siteName) {
    }

    /** Renders "templates/{name}.mustache" with the page's model. */
    HtmlPage render(String name, Object page) {
        StringWriter html = new StringWriter();
        factory.compile(name + ".mustache").execute(html, new Object[] {site, page});
        return new HtmlPage(html.toString(), HEADERS);
    }

    /** Renders "templates/{name}.mustache" with the page's model and sends it. */
    void send(Context ctx, int status, String name, Object page) {
        HtmlPage rendered = render(name, page);
        ctx.status(status);
        rendered.headers().forEach(ctx::header);
        ctx.result(rendered.html());
    }
}
