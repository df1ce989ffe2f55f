package dev.filehost.web;

import dev.filehost.account.User;
import dev.filehost.admin.Actor;
import dev.filehost.http.ClientAddress;
import io.javalin.http.Context;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The check in front of every /admin route: a signed-in user of an admin package, and on a state-changing
 * request its CSRF token. Anyone else is shown the 404 page, so the panel does not reveal that it exists.
 */
public final class AdminGate {
    private final SiteGate site;
    private final Predicate<User> admin;
    private final ErrorPages errors;
    private final ClientAddress clientAddress;

    public AdminGate(SiteGate site, Predicate<User> admin, ErrorPages errors, ClientAddress clientAddress) {
        this.site = site;
        this.admin = admin;
        this.errors = errors;
        this.clientAddress = clientAddress;
    }

    /** The admin asking for a page; else the 404 page is sent. */
    Optional<AdminCall> admin(Context ctx) {
        Visitor visitor = site.sessions().visitor(ctx);
        if (!visitor.signedIn() || !admin.test(visitor.user())) {
            errors.notFound(ctx);
            return Optional.empty();
        }
        User user = visitor.user();
        return Optional.of(new AdminCall(user, Actor.web(user.username(), clientAddress.of(ctx))));
    }

    /** The admin sending a form with its CSRF token; else the 404 page, or the 403 page without the token. */
    Optional<AdminCall> adminPosting(Context ctx) {
        return admin(ctx).filter(call -> site.csrf(ctx));
    }
}
