package dev.filehost.web;

import dev.filehost.account.AccountPackage;
import dev.filehost.account.Packages;
import dev.filehost.account.User;
import dev.filehost.auth.GuestGrants;
import dev.filehost.auth.WebSessions;
import dev.filehost.core.Refusal;
import dev.filehost.folder.Folders;
import dev.filehost.http.ClientAddress;
import dev.filehost.http.WebRoutes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * / — the uploader for a signed-in user; for anyone else the uploader without folders when the Guest package
 * allows uploads (and the store takes resumable ones), else a welcome with sign-in and sign-up. The page's
 * script uploads through the API, resumably through /api/v2/tus/ where the store allows it, with the access
 * token that /account/api_token mints for the session, or for a visitor with a guest grant it mints instead.
 */
public final class UploaderRoutes implements WebRoutes {
    private final SiteGate gate;
    private final WebSessions sessions;
    private final GuestGrants guestGrants;
    private final Folders folders;
    private final Packages packages;
    private final Templates templates;
    private final ClientAddress clientAddress;
    private final BooleanSupplier registrationOpen;
    private final boolean resumable;

    /** @param resumable whether /api/v2/tus/ takes resumable uploads (the store stages them) */
    public UploaderRoutes(SiteGate gate, WebSessions sessions, GuestGrants guestGrants, Folders folders,
                          Packages packages, Templates templates, ClientAddress clientAddress, BooleanSupplier registrationOpen,
                          boolean resumable) {
        this.gate = gate;
        this.sessions = sessions;
        this.guestGrants = guestGrants;
        this.folders = folders;
        this.packages = packages;
        this.templates = templates;
        this.clientAddress = clientAddress;
        this.registrationOpen = registrationOpen;
        this.resumable = resumable;
    }

    private record Target(long id, String name) {
    }

    private record UploaderPage(boolean canUpload, boolean resumable, List<Target> folders, String maxSize,
                                long maxBytes, long concurrent, long maxUrls, boolean guest, boolean canRegister) {
    }

    private record WelcomePage(boolean canRegister) {
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/", this::home);
        routes.post("/account/api_token", this::apiToken);
    }

    private void home(Context ctx) {
        Visitor visitor = gate.sessions().visitor(ctx);
        if (visitor.signedIn()) {
            User user = visitor.user();
            AccountPackage pkg = packages.of(user);
            List<Target> targets = folders.activeOf(user.id()).stream().map(f -> new Target(f.id(), f.name())).toList();
            send(ctx, pkg, pkg.canUpload() && pkg.apiAccess(), targets, false);
        } else if (guestsMayUpload()) {
            send(ctx, packages.guest(), true, List.of(), true);
        } else {
            templates.send(ctx, 200, "welcome", new WelcomePage(registrationOpen.getAsBoolean()));
        }
    }

    private void send(Context ctx, AccountPackage pkg, boolean canUpload, List<Target> targets, boolean guest) {
        templates.send(ctx, 200, "uploader", new UploaderPage(canUpload, resumable, targets,
                AccountSettingsRoutes.bytesOrUnlimited(pkg.maxUploadSize()), pkg.maxUploadSize(),
                Math.max(1, Math.min(pkg.concurrentUploads(), 4)), pkg.maxRemoteDownloadUrls(), guest, registrationOpen.getAsBoolean()));
    }

    /** Guests upload only resumably: their grant opens /api/v2/tus/ and nothing else of the API. */
    private boolean guestsMayUpload() {
        return resumable && packages.guest().canUpload();
    }

    /**
     * For the page's script: the session's API token (a new one replaces the last), or for a visitor who may
     * upload as a guest, a new guest grant.
     */
    private void apiToken(Context ctx) {
        if (!gate.csrf(ctx)) {
            return;
        }
        Visitor visitor = gate.sessions().visitor(ctx);
        if (!visitor.signedIn() && guestsMayUpload()) {
            guestGrant(ctx);
            return;
        }
        if (gate.user(ctx).isEmpty()) {
            return;
        }
        String token = sessions.apiToken(visitor.session().orElseThrow(), clientAddress.of(ctx));
        ctx.header("Cache-Control", "no-store");
        ctx.json(Map.of("access_token", token, "account_id", Long.toString(visitor.user().id())));
    }

    private void guestGrant(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        try {
            ctx.json(Map.of("upload_token", guestGrants.issue(clientAddress.of(ctx))));
        } catch (Refusal refusal) {
            if (refusal.retryAfterSeconds() > 0) {
                ctx.header("Retry-After", Long.toString(refusal.retryAfterSeconds()));
            }
            ctx.status(refusal.kind().httpStatus(true)).json(Map.of("error", refusal.getMessage()));
        }
    }
}
