package dev.filehost.web;

import dev.filehost.account.AccountPackage;
import dev.filehost.account.Packages;
import dev.filehost.account.User;
import dev.filehost.auth.WebSessions;
import dev.filehost.folder.Folders;
import dev.filehost.http.ClientAddress;
import dev.filehost.http.WebRoutes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * / — the uploader for a signed-in user, a welcome with sign-in and sign-up for anyone else. The page's
 * script uploads through the API, resumably through /api/v2/tus/ where the store allows it, with the access
 * token that /account/api_token mints for the session.
 */
public final class UploaderRoutes implements WebRoutes {
    private final SiteGate gate;
    private final WebSessions sessions;
    private final Folders folders;
    private final Packages packages;
    private final Templates templates;
    private final ClientAddress clientAddress;
    private final boolean registrationOpen;
    private final boolean resumable;

    /** @param resumable whether /api/v2/tus/ takes resumable uploads (the store stages them) */
    public UploaderRoutes(SiteGate gate, WebSessions sessions, Folders folders, Packages packages, Templates templates,
                          ClientAddress clientAddress, boolean registrationOpen, boolean resumable) {
        this.gate = gate;
        this.sessions = sessions;
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
                                long maxBytes, long concurrent, long maxUrls) {
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
        if (!visitor.signedIn()) {
            templates.send(ctx, 200, "welcome", new WelcomePage(registrationOpen));
            return;
        }
        User user = visitor.user();
        AccountPackage pkg = packages.of(user);
        List<Target> targets = folders.activeOf(user.id()).stream().map(f -> new Target(f.id(), f.name())).toList();
        templates.send(ctx, 200, "uploader", new UploaderPage(pkg.canUpload() && pkg.apiAccess(), resumable, targets,
                AccountSettingsRoutes.bytesOrUnlimited(pkg.maxUploadSize()), pkg.maxUploadSize(),
                Math.max(1, Math.min(pkg.concurrentUploads(), 4)), pkg.maxRemoteDownloadUrls()));
    }

    /** The session's API token, for the page's script; a new one replaces the last. */
    private void apiToken(Context ctx) {
        if (!gate.csrf(ctx) || gate.user(ctx).isEmpty()) {
            return;
        }
        Visitor visitor = gate.sessions().visitor(ctx);
        String token = sessions.apiToken(visitor.session().orElseThrow(), clientAddress.of(ctx));
        ctx.header("Cache-Control", "no-store");
        ctx.json(Map.of("access_token", token, "account_id", Long.toString(visitor.user().id())));
    }
}
