package dev.filehost.web;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.MustacheFactory;
import dev.filehost.account.User;
import dev.filehost.http.Html;
import dev.filehost.http.HtmlPage;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The Mustache templates of the public pages (classpath "templates/"), sent as HTML. Every
 * {{value}} goes through {@link Html#escape}; the pages run only the site's own scripts and load nothing foreign.
 */
public final class Templates {
    private static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /** A page's buffer starts at the size the same template took last time, up to this much. */
    private static final int MAX_EXPECTED_SIZE = 1 << 20;

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
    private final Map<String, Integer> lastSizes = new ConcurrentHashMap<>();
    private final Site site;
    private final SiteSessions sessions;
    private final Predicate<User> admin;

    /**
     * {@code siteName} is asked at every page: the operator may rename the site while it runs; {@code admin}
     * says whose header links to the admin panel.
     */
    public Templates(Supplier<String> siteName, SiteSessions sessions, Predicate<User> admin) {
        this.site = new Site(siteName);
        this.sessions = sessions;
        this.admin = admin;
    }

    /** What every page shows besides its own model: the layout reads it. */
    private record Site(Supplier<String> name) {
        public String siteName() {
            return name.get();
        }
    }

    /**
     * The header's sign-in state, and the CSRF token for the page's forms: asked for only by pages that
     * have a form, so a visitor's token cookie is set only there.
     */
    private static final class Header {
        static final Header NOBODY = new Header(false, false, () -> null);

        private final boolean signedIn;
        private final boolean admin;
        private final Supplier<String> csrf;

        Header(boolean signedIn, boolean admin, Supplier<String> csrf) {
            this.signedIn = signedIn;
            this.admin = admin;
            this.csrf = csrf;
        }

        public boolean signedIn() {
            return signedIn;
        }

        public boolean admin() {
            return admin;
        }

        public String csrf() {
            return csrf.get();
        }
    }

    /** Renders "templates/{name}.mustache" with the page's model, for nobody in particular. */
    HtmlPage render(String name, Object page) {
        return render(name, Header.NOBODY, page);
    }

    /** Renders "templates/{name}.mustache" alone: a piece of a page, to be put in one with {@code {{{…}}}}. */
    String fragment(String name, Object model) {
        return rendered(name, Header.NOBODY, model).text();
    }

    private HtmlPage render(String name, Header header, Object... models) {
        return new HtmlPage(rendered(name, header, models).text(), HEADERS);
    }

    private Utf8PageWriter rendered(String name, Header header, Object... models) {
        Object[] scopes = new Object[models.length + 2];
        scopes[0] = site;
        scopes[1] = header;
        System.arraycopy(models, 0, scopes, 2, models.length);
        Utf8PageWriter html = new Utf8PageWriter(lastSizes.getOrDefault(name, 0) + 1024);
        factory.compile(name + ".mustache").execute(html, scopes);
        lastSizes.put(name, Math.min(html.size(), MAX_EXPECTED_SIZE));
        return html;
    }

    /**
     * Renders "templates/{name}.mustache" with the page's models and the visitor's header, and sends it; a
     * name is looked up in the last model first.
     */
    void send(Context ctx, int status, String name, Object... models) {
        Visitor visitor = sessions.visitor(ctx);
        Header header = new Header(visitor.signedIn(), visitor.signedIn() && admin.test(visitor.user()),
                () -> sessions.csrfToken(ctx));
        Utf8PageWriter html = rendered(name, header, models);
        ctx.status(status);
        HEADERS.forEach(ctx::header);
        ctx.result(html.content());
    }
}
