package dev.filehost.web;

import dev.filehost.account.User;
import dev.filehost.auth.WebSession;
import dev.filehost.admin.Maintenance;
import dev.filehost.ban.BanScope;
import dev.filehost.ban.Bans;
import dev.filehost.http.ClientAddress;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * What every request a route matched outside the API passes before that route (the API has its own gate, with the same
 * rules): an address banned from the whole site gets the 403 page, and in maintenance everyone but a
 * signed-in admin gets the 503 page with the operator's message. The open paths (the style sheet of those
 * pages, the operators' probes) stay open to all; in maintenance sign-in and sign-out stay open too, so that
 * an admin can get in. An admin's signed-in session passes a site ban, so that an operator who banned a
 * range holding their own address can lift it from the panel.
 */
public final class SiteEntrance implements Handler {
    /** Maintenance has no announced end; a client that honours this asks again in a few minutes. */
    static final long MAINTENANCE_RETRY_SECONDS = 300;
    private static final Set<String> SIGN_IN_PATHS = Set.of(SignInRoutes.LOGIN_PATH, SignInRoutes.LOGOUT_PATH);

    private final Bans bans;
    private final Maintenance maintenance;
    private final Predicate<User> admin;
    private final SiteSessions sessions;
    private final ErrorPages errors;
    private final ClientAddress clientAddress;
    private final List<String> open;

    /**
     * @param open paths every address reaches whatever the site's state: a path ending in "/" opens what
     *             lies under it, any other exactly itself
     */
    public SiteEntrance(Bans bans, Maintenance maintenance, Predicate<User> admin, SiteSessions sessions,
                        ErrorPages errors, ClientAddress clientAddress, List<String> open) {
        this.bans = bans;
        this.maintenance = maintenance;
        this.admin = admin;
        this.sessions = sessions;
        this.errors = errors;
        this.clientAddress = clientAddress;
        this.open = List.copyOf(open);
    }

    @Override
    public void handle(Context ctx) {
        String path = ctx.path();
        if (isOpen(path)) {
            return;
        }
        // The visitor's session is read only when a ban or maintenance makes it matter.
        Supplier<Optional<User>> user = () -> sessions.visitor(ctx).session().map(WebSession::user);
        if (bans.banning(clientAddress.of(ctx), BanScope.SITE).isPresent() && user.get().filter(admin).isEmpty()) {
            turnAway(ctx, 403, BanScope.SITE.text());
            return;
        }
        if (SIGN_IN_PATHS.contains(path)) {
            return;
        }
        maintenance.closedTo(user).ifPresent(message -> {
            ctx.header("Retry-After", Long.toString(MAINTENANCE_RETRY_SECONDS));
            turnAway(ctx, 503, message);
        });
    }

    private boolean isOpen(String path) {
        return open.stream().anyMatch(entry -> entry.endsWith("/") ? path.startsWith(entry) : path.equals(entry));
    }

    private void turnAway(Context ctx, int status, String message) {
        errors.render(ctx, status, message);
        ctx.skipRemainingHandlers();
    }
}
