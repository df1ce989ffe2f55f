package dev.filehost.web;

import dev.filehost.account.User;
import dev.filehost.admin.UserAdmin;
import dev.filehost.auth.PasswordResets;
import dev.filehost.auth.WebSessions;
import dev.filehost.core.RateLimiter;
import dev.filehost.http.ClientAddress;
import dev.filehost.http.WebRoutes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import jakarta.mail.MessagingException;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * /account/forgot_password and /account/reset_password, added only when the site can send mail. The
 * answer to a request is the same whether or not an account has the address, so nobody learns which do.
 */
public final class PasswordResetRoutes implements WebRoutes {
    static final String SENT = "If an account has that address, a link to set a new password is on its way. "
            + "It works for one hour.";
    static final String LINK_INVALID = "This link has expired or has been used. Please ask for a new one.";
    static final String MAIL_FAILED = "The email could not be sent right now. Please try again in a few minutes.";
    private static final Logger log = LoggerFactory.getLogger(PasswordResetRoutes.class);

    private final PasswordResets resets;
    private final UserAdmin users;
    private final WebSessions sessions;
    private final ResetLinkMail mail;
    private final SiteGate gate;
    private final Templates templates;
    private final ClientAddress clientAddress;
    private final RateLimiter requests;

    public PasswordResetRoutes(PasswordResets resets, UserAdmin users, WebSessions sessions, ResetLinkMail mail,
                               SiteGate gate, Templates templates, ClientAddress clientAddress, RateLimiter requests) {
        this.resets = resets;
        this.users = users;
        this.sessions = sessions;
        this.mail = mail;
        this.gate = gate;
        this.templates = templates;
        this.clientAddress = clientAddress;
        this.requests = requests;
    }

    private record ForgotPage(String notice, String error) {
    }

    private record ResetPage(String secret, String error, boolean done) {
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/account/forgot_password", ctx -> templates.send(ctx, 200, "forgot", new ForgotPage(null, null)));
        routes.post("/account/forgot_password", this::sendLinks);
        routes.get("/account/reset_password", this::resetForm);
        routes.post("/account/reset_password", this::reset);
    }

    private void sendLinks(Context ctx) {
        if (!gate.csrf(ctx)) {
            return;
        }
        long wait = requests.acquire(clientAddress.of(ctx));
        if (wait > 0) {
            ctx.header("Retry-After", Long.toString(wait));
            templates.send(ctx, 429, "forgot", new ForgotPage(null, SignInRoutes.WAIT));
            return;
        }
        String email = Objects.requireNonNullElse(ctx.formParam("email"), "").strip();
        try {
            for (PasswordResets.Link link : resets.issue(email)) {
                mail.send(link);
            }
        } catch (MessagingException e) {
            log.warn("Password reset mail to a user could not be sent: {}", e.toString());
            templates.send(ctx, 503, "forgot", new ForgotPage(null, MAIL_FAILED));
            return;
        }
        templates.send(ctx, 200, "forgot", new ForgotPage(SENT, null));
    }

    private void resetForm(Context ctx) {
        String secret = Objects.requireNonNullElse(ctx.queryParam("t"), "");
        boolean live = resets.holder(secret).isPresent();
        templates.send(ctx, live ? 200 : 404, "reset", new ResetPage(live ? secret : null, live ? null : LINK_INVALID,
                false));
    }

    private void reset(Context ctx) {
        if (!gate.csrf(ctx)) {
            return;
        }
        String secret = Objects.requireNonNullElse(ctx.formParam("t"), "");
        Optional<User> user = resets.holder(secret);
        if (user.isEmpty()) {
            templates.send(ctx, 404, "reset", new ResetPage(null, LINK_INVALID, false));
            return;
        }
        String password = Objects.requireNonNullElse(ctx.formParam("password"), "");
        if (!password.equals(ctx.formParam("password_again"))) {
            templates.send(ctx, 400, "reset", new ResetPage(secret, SignInRoutes.PASSWORDS_DIFFER, false));
            return;
        }
        try {
            users.set(user.get().username(), "password", password);
        } catch (IllegalArgumentException e) {
            templates.send(ctx, 400, "reset", new ResetPage(secret, SignInRoutes.capitalised(e.getMessage()), false));
            return;
        }
        resets.used(user.get());
        sessions.endAll(user.get().id());
        templates.send(ctx, 200, "reset", new ResetPage(null, null, true));
    }
}
