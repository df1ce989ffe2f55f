package dev.filehost.web;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.MustacheFactory;
import dev.filehost.http.Html;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * The Mustache templates of the public pages (classpath "templates/"), sent as HTML. Every
 * {{value}} goes through {@link Html#escape}; the pages run no script and load nothing foreign.
 */
public final class Templates {
    private static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; "
            + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

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

    /** Renders "templates/{name}.mustache" with the page's model and sends it. */
    void send(Context ctx, int status, String name, Object page) {
        StringWriter html = new StringWriter();
        factory.compile(name + ".mustache").execute(html, new Object[] {site, page});
        ctx.status(status)
                .contentType("text/html; charset=utf-8")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", POLICY)
                // Pages carry per-visitor download links, and owner pages carry the delete hash.
                .header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer")
                .result(html.toString());
    }
}
