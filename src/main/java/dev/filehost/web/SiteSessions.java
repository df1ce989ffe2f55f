package dev.filehost.web;

import dev.filehost.auth.Secrets;
import dev.filehost.auth.WebSession;
import dev.filehost.auth.WebSessions;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * The website's cookies: the session's ({@code HttpOnly}, {@code SameSite=Lax}, {@code Secure} on an
 * https site) and, before sign-in, a visitor's CSRF token. A form proves it came from one of our pages by
 * carrying the token as {@value #CSRF_FIELD} (or a script by the {@value #CSRF_HEADER} header).
 */
public final class SiteSessions {
    static final String SESSION_COOKIE = "filehost_session";
    static final String CSRF_COOKIE = "filehost_csrf";
    public static final String CSRF_FIELD = "csrf";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    private static final int CSRF_LENGTH = 43;
    private static final String VISITOR = "filehost.visitor";

    private final WebSessions sessions;
    private final boolean secure;

    public SiteSessions(WebSessions sessions, boolean secure) {
        this.sessions = sessions;
        this.secure = secure;
    }

    /** The request's visitor, looked up once per request. */
    Visitor visitor(Context ctx) {
        Visitor known = ctx.attribute(VISITOR);
        if (known != null) {
            return known;
        }
        Visitor visitor = new Visitor(Optional.ofNullable(ctx.cookie(SESSION_COOKIE)).flatMap(sessions::find));
        ctx.attribute(VISITOR, visitor);
        return visitor;
    }

    /**
     * The token the visitor's forms carry: the session's own, or before sign-in the one in the visitor's
     * token cookie, set now when the visitor has none.
     */
    String csrfToken(Context ctx) {
        Optional<WebSession> session = visitor(ctx).session();
        if (session.isPresent()) {
            return session.get().csrfToken();
        }
        String token = ctx.cookie(CSRF_COOKIE);
        if (token == null || !Secrets.isAlphanumeric(token, CSRF_LENGTH)) {
            token = ctx.attribute(CSRF_COOKIE);
        }
        if (token == null) {
            token = Secrets.randomAlphanumeric(CSRF_LENGTH);
            ctx.attribute(CSRF_COOKIE, token);
            setCookie(ctx, CSRF_COOKIE, token);
        }
        return token;
    }

    /** Whether the request carries its visitor's CSRF token; a request without it must change nothing. */
    boolean hasCsrfToken(Context ctx) {
        String sent = ctx.header(CSRF_HEADER);
        if (sent == null) {
            sent = ctx.formParam(CSRF_FIELD);
        }
        String expected = visitor(ctx).session().map(WebSession::csrfToken).orElse(ctx.cookie(CSRF_COOKIE));
        return sent != null && expected != null && Secrets.constantTimeEquals(sent, expected);
    }

    /** Signs the user in with a new session id, whatever the request came with; the old session ends. */
    void signIn(Context ctx, long userId, String ip) {
        visitor(ctx).session().ifPresent(old -> sessions.end(old.id(), old.user().id()));
        String secret = sessions.start(userId, ip, ctx.userAgent());
        setCookie(ctx, SESSION_COOKIE, secret);
        clearCookie(ctx, CSRF_COOKIE);
        ctx.attribute(VISITOR, null);
    }

    /** Ends the request's session on every node. */
    void signOut(Context ctx) {
        visitor(ctx).session().ifPresent(session -> sessions.end(session.id(), session.user().id()));
        clearCookie(ctx, SESSION_COOKIE);
    }

    private void setCookie(Context ctx, String name, String value) {
        ctx.res().addHeader("Set-Cookie", name + "=" + value + attributes());
    }

    private void clearCookie(Context ctx, String name) {
        ctx.res().addHeader("Set-Cookie", name + "=; Max-Age=0" + attributes());
    }

    private String attributes() {
        return "; Path=/; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "");
    }
}
