package dev.filehost.web;

import dev.filehost.account.User;
import dev.filehost.admin.UserAdmin;
import dev.filehost.auth.AuthService;
import dev.filehost.core.ErrorKind;
import dev.filehost.core.Refusal;
import dev.filehost.http.ClientAddress;
import dev.filehost.http.WebRoutes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * /register, /account/login and /account/logout. Sign-in asks {@link AuthService}, so the website and
 * the API share one set of limits and one lockout; a new session id is issued at every sign-in.
 */
public final class SignInRoutes implements WebRoutes {
    static final String REGISTRATION_CLOSED = "This site does not take new accounts at the moment.";
    static final String PASSWORDS_DIFFER = "The two passwords are not the same.";
    static final String LOGIN_PATH = "/account/login";
    static final String LOGOUT_PATH = "/account/logout";
    static final String ADMINS_ONLY = "The site is down for maintenance: only its administrators can sign in now.";
    static final String WAIT = "Too many failed sign-ins from your address. Please wait a minute and try again.";

    private final AuthService auth;
    private final UserAdmin users;
    private final SiteGate gate;
    private final Templates templates;
    private final ClientAddress clientAddress;
    private final BooleanSupplier registrationOpen;
    private final BooleanSupplier maintenance;
    private final boolean passwordResetOffered;

    public SignInRoutes(AuthService auth, UserAdmin users, SiteGate gate, Templates templates,
                        ClientAddress clientAddress, BooleanSupplier registrationOpen, BooleanSupplier maintenance,
                        boolean passwordResetOffered) {
        this.auth = auth;
        this.users = users;
        this.gate = gate;
        this.templates = templates;
        this.clientAddress = clientAddress;
        this.registrationOpen = registrationOpen;
        this.maintenance = maintenance;
        this.passwordResetOffered = passwordResetOffered;
    }

    private record LoginPage(String notice, String error, String username, boolean canRegister, boolean canReset) {
    }

    private record RegisterPage(boolean open, String error, String username, String email) {
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/register", ctx -> templates.send(ctx, 200, "register",
                new RegisterPage(registrationOpen.getAsBoolean(), null, null, null)));
        routes.post("/register", this::signUp);
        routes.get(LOGIN_PATH, ctx -> templates.send(ctx, 200, "login", loginPage(null, null)));
        routes.post(LOGIN_PATH, this::signIn);
        routes.post(LOGOUT_PATH, this::signOut);
    }

    private void signUp(Context ctx) {
        if (!gate.csrf(ctx)) {
            return;
        }
        String username = Objects.requireNonNullElse(ctx.formParam("username"), "").strip();
        String email = Objects.requireNonNullElse(ctx.formParam("email"), "").strip();
        if (!registrationOpen.getAsBoolean()) {
            templates.send(ctx, 403, "register", new RegisterPage(false, REGISTRATION_CLOSED, null, null));
            return;
        }
        String password = Objects.requireNonNullElse(ctx.formParam("password"), "");
        if (!password.equals(ctx.formParam("password_again"))) {
            templates.send(ctx, 400, "register", new RegisterPage(true, PASSWORDS_DIFFER, username, email));
            return;
        }
        User user;
        try {
            user = users.signUp(username, password, email);
        } catch (IllegalArgumentException e) {
            templates.send(ctx, 400, "register", new RegisterPage(true, capitalised(e.getMessage()), username, email));
            return;
        }
        gate.sessions().signIn(ctx, user.id(), clientAddress.of(ctx));
        ctx.redirect("/account", HttpStatus.SEE_OTHER);
    }

    private void signIn(Context ctx) {
        if (!gate.csrf(ctx)) {
            return;
        }
        String username = Objects.requireNonNullElse(ctx.formParam("username"), "").strip();
        String password = Objects.requireNonNullElse(ctx.formParam("password"), "");
        String ip = clientAddress.of(ctx);
        User user;
        try {
            user = auth.signInOnWebsite(username, password, ip);
        } catch (Refusal refusal) {
            boolean wait = refusal.kind() == ErrorKind.TOO_MANY_REQUESTS;
            if (wait) {
                ctx.header("Retry-After", Long.toString(refusal.retryAfterSeconds()));
            }
            templates.send(ctx, wait ? 429 : 401, "login", loginPage(wait ? WAIT : refusal.getMessage(), username));
            return;
        }
        gate.sessions().signIn(ctx, user.id(), ip);
        ctx.redirect("/account", HttpStatus.SEE_OTHER);
    }

    private LoginPage loginPage(String error, String username) {
        return new LoginPage(maintenance.getAsBoolean() ? ADMINS_ONLY : null, error, username,
                registrationOpen.getAsBoolean(), passwordResetOffered);
    }

    private void signOut(Context ctx) {
        if (!gate.csrf(ctx)) {
            return;
        }
        gate.sessions().signOut(ctx);
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    static String capitalised(String message) {
        return message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1) + ".";
    }
}
