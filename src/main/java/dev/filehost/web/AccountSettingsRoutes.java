package dev.filehost.web;

import dev.filehost.account.AccountPackage;
import dev.filehost.account.Packages;
import dev.filehost.account.User;
import dev.filehost.admin.UserAdmin;
import dev.filehost.auth.AccessTokens;
import dev.filehost.auth.ApiKeys;
import dev.filehost.auth.AuthService;
import dev.filehost.auth.WebSession;
import dev.filehost.auth.WebSessions;
import dev.filehost.core.Ids;
import dev.filehost.core.Refusal;
import dev.filehost.file.StorageQuota;
import dev.filehost.http.ApiDates;
import dev.filehost.http.ClientAddress;
import dev.filehost.http.WebRoutes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * /account/edit: email and password (each asks for the current password, checked by {@link AuthService}
 * with the sign-in's limits), the API key pair, the live API tokens and website sessions with a revoke
 * button each, and the package's limits.
 */
public final class AccountSettingsRoutes implements WebRoutes {
    private static final Map<String, String> NOTICES = Map.of(
            "email", "Your email address is saved.",
            "password", "Your password is changed. Your other sign-ins and API tokens have ended.",
            "token", "The API token is revoked.",
            "session", "The sign-in has ended.");

    private final AuthService auth;
    private final UserAdmin users;
    private final ApiKeys apiKeys;
    private final AccessTokens tokens;
    private final WebSessions sessions;
    private final Packages packages;
    private final StorageQuota quota;
    private final SiteGate gate;
    private final Templates templates;
    private final ApiDates dates;
    private final ClientAddress clientAddress;

    public AccountSettingsRoutes(AuthService auth, UserAdmin users, ApiKeys apiKeys, AccessTokens tokens,
                                 WebSessions sessions, Packages packages, StorageQuota quota, SiteGate gate,
                                 Templates templates, ApiDates dates, ClientAddress clientAddress) {
        this.auth = auth;
        this.users = users;
        this.apiKeys = apiKeys;
        this.tokens = tokens;
        this.sessions = sessions;
        this.packages = packages;
        this.quota = quota;
        this.gate = gate;
        this.templates = templates;
        this.dates = dates;
        this.clientAddress = clientAddress;
    }

    private record Limit(String name, String value) {
    }

    private record TokenView(String hash, String created, String lastUsed, String ip) {
    }

    private record SessionView(long id, String created, String lastSeen, String ip, String browser, boolean current) {
    }

    private record SettingsPage(String username, String email, String notice, String error, boolean hasKeys,
                                ApiKeys.KeyPair newKeys, List<TokenView> tokens, List<SessionView> sessions,
                                String packageName, List<Limit> limits) {
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/account/edit", ctx -> gate.user(ctx).ifPresent(user ->
                show(ctx, 200, user, NOTICES.get(Objects.requireNonNullElse(ctx.queryParam("saved"), "")), null, null)));
        routes.post("/account/edit/email", this::changeEmail);
        routes.post("/account/edit/password", this::changePassword);
        routes.post("/account/keys", this::newKeys);
        routes.post("/account/tokens/revoke", this::revokeToken);
        routes.post("/account/sessions/revoke", this::endSession);
    }

    private void changeEmail(Context ctx) {
        Optional<User> user = gate.userPosting(ctx);
        if (user.isEmpty() || !currentPasswordMatches(ctx, user.get())) {
            return;
        }
        try {
            users.set(user.get().username(), "email", Objects.requireNonNullElse(ctx.formParam("email"), ""));
        } catch (IllegalArgumentException e) {
            show(ctx, 400, user.get(), null, SignInRoutes.capitalised(e.getMessage()), null);
            return;
        }
        ctx.redirect("/account/edit?saved=email", HttpStatus.SEE_OTHER);
    }

    private void changePassword(Context ctx) {
        Optional<User> user = gate.userPosting(ctx);
        if (user.isEmpty() || !currentPasswordMatches(ctx, user.get())) {
            return;
        }
        String password = Objects.requireNonNullElse(ctx.formParam("password"), "");
        if (!password.equals(ctx.formParam("password_again"))) {
            show(ctx, 400, user.get(), null, SignInRoutes.PASSWORDS_DIFFER, null);
            return;
        }
        try {
            users.set(user.get().username(), "password", password);
        } catch (IllegalArgumentException e) {
            show(ctx, 400, user.get(), null, SignInRoutes.capitalised(e.getMessage()), null);
            return;
        }
        long current = currentSession(ctx).id();
        sessions.live(user.get().id()).stream().filter(row -> row.id() != current)
                .forEach(row -> sessions.end(row.id(), user.get().id()));
        ctx.redirect("/account/edit?saved=password", HttpStatus.SEE_OTHER);
    }

    /** The current password, checked as a sign-in is: a wrong one counts towards the lockout. */
    private boolean currentPasswordMatches(Context ctx, User user) {
        try {
            auth.checkPassword(user.username(), Objects.requireNonNullElse(ctx.formParam("current_password"), ""),
                    clientAddress.of(ctx));
            return true;
        } catch (Refusal refusal) {
            show(ctx, 403, user, null, "The current password is not correct.", null);
            return false;
        }
    }

    /** The new pair is shown on this answer only: key2 is stored as a hash. */
    private void newKeys(Context ctx) {
        gate.userPosting(ctx).ifPresent(user -> show(ctx, 200, user, null, null, apiKeys.issue(user.id())));
    }

    private void revokeToken(Context ctx) {
        gate.userPosting(ctx).ifPresent(user -> {
            tokens.revokeByHash(Objects.requireNonNullElse(ctx.formParam("token"), ""), user.id());
            ctx.redirect("/account/edit?saved=token", HttpStatus.SEE_OTHER);
        });
    }

    private void endSession(Context ctx) {
        gate.userPosting(ctx).ifPresent(user -> {
            Ids.parse(ctx.formParam("session")).ifPresent(id -> {
                if (id == currentSession(ctx).id()) {
                    gate.sessions().signOut(ctx);
                } else {
                    sessions.end(id, user.id());
                }
            });
            ctx.redirect("/account/edit?saved=session", HttpStatus.SEE_OTHER);
        });
    }

    private WebSession currentSession(Context ctx) {
        return gate.sessions().visitor(ctx).session().orElseThrow();
    }

    private void show(Context ctx, int status, User user, String notice, String error, ApiKeys.KeyPair newKeys) {
        long current = currentSession(ctx).id();
        AccountPackage pkg = packages.of(user);
        StorageQuota.Usage usage = quota.usage(user, pkg);
        List<TokenView> tokenViews = tokens.live(user.id()).stream()
                .map(t -> new TokenView(t.tokenHash(), dates.format(t.createdAt()), dates.format(t.lastUsedAt()), t.ip()))
                .toList();
        List<SessionView> sessionViews = sessions.live(user.id()).stream()
                .map(s -> new SessionView(s.id(), dates.format(s.createdAt()), dates.format(s.lastSeenAt()), s.ip(),
                        Objects.requireNonNullElse(s.userAgent(), "unknown browser"), s.id() == current))
                .toList();
        templates.send(ctx, status, "account_edit", new SettingsPage(user.username(), user.email(), notice, error,
                apiKeys.exists(user.id()), newKeys, tokenViews, sessionViews, pkg.label(), limits(pkg, usage)));
    }

    private static List<Limit> limits(AccountPackage pkg, StorageQuota.Usage usage) {
        return List.of(
                new Limit("Storage used", ByteSizes.human(usage.usedBytes()) + " of "
                        + bytesOrUnlimited(usage.allowedBytes())),
                new Limit("Largest upload", bytesOrUnlimited(pkg.maxUploadSize())),
                new Limit("Uploads at once", countOrUnlimited(pkg.concurrentUploads())),
                new Limit("Remote URLs per batch", countOrUnlimited(pkg.maxRemoteDownloadUrls())),
                new Limit("Downloads per 24 hours", countOrUnlimited(pkg.downloadsPer24Hours())),
                new Limit("Inactive files kept for", pkg.daysToKeepInactiveFiles() == 0 ? "ever"
                        : pkg.daysToKeepInactiveFiles() + " days"),
                new Limit("API access", pkg.apiAccess() ? "yes" : "no"));
    }

    static String bytesOrUnlimited(long bytes) {
        return bytes <= 0 ? "unlimited" : ByteSizes.human(bytes);
    }

    private static String countOrUnlimited(long count) {
        return count <= 0 ? "unlimited" : Long.toString(count);
    }
}
