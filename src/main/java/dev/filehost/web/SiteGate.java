package dev.filehost.web;

import dev.filehost.account.User;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Optional;

/** The two checks in front of the website's own routes: a signed-in visitor, and a form from our pages. */
public final class SiteGate {
    static final String FORM_EXPIRED = "This form has expired or did not come from this site. Nothing was changed. "
            + "Please go back, reload the page and try again.";

    private final SiteSessions sessions;
    private final ErrorPages errors;

    public SiteGate(SiteSessions sessions, ErrorPages errors) {
        this.sessions = sessions;
        this.errors = errors;
    }

    /** The signed-in user; else the visitor is sent to the sign-in page and the route answers nothing more. */
    Optional<User> user(Context ctx) {
        Visitor visitor = sessions.visitor(ctx);
        if (!visitor.signedIn()) {
            ctx.redirect(SignInRoutes.LOGIN_PATH, HttpStatus.SEE_OTHER);
            return Optional.empty();
        }
        return Optional.of(visitor.user());
    }

    /** The signed-in user of a state-changing request that carries its CSRF token; else a refusal is sent. */
    Optional<User> userPosting(Context ctx) {
        if (!csrf(ctx)) {
            return Optional.empty();
        }
        return user(ctx);
    }

    /** Whether the request carries its CSRF token; without it, the 403 page is sent and nothing may change. */
    boolean csrf(Context ctx) {
        if (sessions.hasCsrfToken(ctx)) {
            return true;
        }
        errors.render(ctx, 403, FORM_EXPIRED);
        return false;
    }

    SiteSessions sessions() {
        return sessions;
    }
}
