package dev.filehost.app;

import com.fasterxml.jackson.core.io.SerializedString;
import dev.filehost.account.AccountApi;
import dev.filehost.account.User;
import dev.filehost.admin.AdminBootstrap;
import dev.filehost.auth.AuthApi;
import dev.filehost.config.Settings;
import dev.filehost.core.RateLimiter;
import dev.filehost.file.AccountViewCache;
import dev.filehost.file.FileApi;
import dev.filehost.file.FileLinks;
import dev.filehost.file.FileViews;
import dev.filehost.file.TransferSlots;
import dev.filehost.file.TypeDetector;
import dev.filehost.file.UploadApi;
import dev.filehost.folder.FolderApi;
import dev.filehost.folder.FolderLinks;
import dev.filehost.folder.FolderViews;
import dev.filehost.http.ApiDates;
import dev.filehost.http.ApiRouter;
import dev.filehost.http.ClientAddress;
import dev.filehost.http.Envelope;
import dev.filehost.http.HttpServer;
import dev.filehost.http.MultipartFields;
import dev.filehost.http.ParamReader;
import dev.filehost.http.ProtocolErrors;
import dev.filehost.http.UploadsBeforeSignIn;
import dev.filehost.http.WebRoutes;
import dev.filehost.jobs.Scheduler;
import dev.filehost.mail.Mailer;
import dev.filehost.monitoring.HealthRoutes;
import dev.filehost.monitoring.MetricsRoutes;
import dev.filehost.monitoring.Readiness;
import dev.filehost.monitoring.RequestMetrics;
import dev.filehost.storage.RemoteStore;
import dev.filehost.tus.TusRoutes;
import dev.filehost.urlimport.UrlImportApi;
import dev.filehost.web.AccountSettingsRoutes;
import dev.filehost.web.AdminAuditSection;
import dev.filehost.web.AdminBansSection;
import dev.filehost.web.AdminDashboardSection;
import dev.filehost.web.AdminFilesSection;
import dev.filehost.web.AdminGate;
import dev.filehost.web.AdminImportsSection;
import dev.filehost.web.AdminPackagesSection;
import dev.filehost.web.AdminReportsSection;
import dev.filehost.web.AdminRoutes;
import dev.filehost.web.AdminSection;
import dev.filehost.web.AdminSettingsSection;
import dev.filehost.web.AdminUsersSection;
import dev.filehost.web.ApiDocsRoutes;
import dev.filehost.web.AssetRoutes;
import dev.filehost.web.DeletePages;
import dev.filehost.web.DownloadResponder;
import dev.filehost.web.ErrorPages;
import dev.filehost.web.FileManagerRoutes;
import dev.filehost.web.FilePages;
import dev.filehost.web.FileSummaries;
import dev.filehost.web.FolderPages;
import dev.filehost.web.FolderRoutes;
import dev.filehost.web.ImagePreviews;
import dev.filehost.web.PasswordResetRoutes;
import dev.filehost.web.PublicRoutes;
import dev.filehost.web.ReportPages;
import dev.filehost.web.ResetLinkMail;
import dev.filehost.web.SignInRoutes;
import dev.filehost.web.SiteGate;
import dev.filehost.web.SiteEntrance;
import dev.filehost.web.SiteSessions;
import dev.filehost.web.StatsPages;
import dev.filehost.web.Templates;
import dev.filehost.web.UploaderRoutes;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/** A running filehost server: components, HTTP routes and background jobs. */
public final class Application implements AutoCloseable {
    private static final Duration READINESS_TIMEOUT = Duration.ofSeconds(3);
    /** Reset mails one address may ask for, per minute and node. */
    private static final int RESET_REQUESTS_PER_MINUTE = 5;
    /** What a package without an upload limit lets a caller send before it is known: 10 GiB. */
    private static final long NO_LIMIT_BEFORE_SIGN_IN = 10L << 30;
    private final Components components;
    private final HttpServer http;
    private final Scheduler scheduler = new Scheduler();
    private final Optional<AdminBootstrap.AdminCredentials> createdAdmin;

    private Application(Settings settings, Clock clock) {
        this.components = Components.open(settings, clock);
        this.createdAdmin = components.adminBootstrap.createAdminIfNoAccounts();
        ApiDates dates = new ApiDates(settings.timezone(), clock);
        ClientAddress clientAddress = new ClientAddress(settings.trustProxyHeaders(), settings.trustedProxies());
        Envelope envelope = new Envelope(dates);
        RateLimiter addressLimiter = new RateLimiter(settings.rateLimitPerAddress(), clock);
        RateLimiter tokenLimiter = new RateLimiter(settings.rateLimitPerToken(), clock);
        UploadsBeforeSignIn beforeSignIn = uploadsBeforeSignIn(settings, components);
        ApiGate apiGate = new ApiGate(components.bans, components.maintenance);
        ApiRouter<User> api = new ApiRouter<>(components.auth::authenticate, new ParamReader(), envelope,
                clientAddress, addressLimiter, tokenLimiter, beforeSignIn, settings.httpStatusCodes(), apiGate);
        new AuthApi(components.auth, settings.passwordLogin()).register(api);
        new AccountApi(components.packages, dates).register(api);
        FileLinks links = new FileLinks(settings.publicUrl());
        FileViews views = new FileViews(links, dates, settings.siteName());
        new FileApi(components.fileService, views, components.downloadTokens, links).register(api);
        new UploadApi(components.uploads, components.packages, components.folders, views).register(api);
        new UrlImportApi(components.imports, components.folders, components.files, links, dates).register(api);
        FolderLinks folderLinks = new FolderLinks(settings.publicUrl());
        long listingCacheBytes = settings.listingCacheBytes() / 2;
        AccountViewCache<String, SerializedString> listings = new AccountViewCache<>(
                components.accountChanges::versionOf, listingCacheBytes, Envelope::bytesOf);
        new FolderApi(components.folderService, new FolderViews(folderLinks, dates), views, envelope, listings)
                .register(api);
        SiteSessions siteSessions = new SiteSessions(components.webSessions, settings.publicUrl().startsWith("https://"));
        Templates templates = new Templates(components.siteSettings::siteName, siteSessions,
                components.packages::isAdmin);
        ErrorPages errors = new ErrorPages(templates);
        SiteGate gate = new SiteGate(siteSessions, errors);
        FileSummaries summaries = new FileSummaries(links, dates);
        ImagePreviews previews = new ImagePreviews(components.blobs, new TypeDetector(), errors);
        FilePages filePages = new FilePages(components.downloads, links, summaries, previews, templates);
        PublicRoutes publicRoutes = new PublicRoutes(components.downloads,
                new DownloadResponder(components.downloads, components.blobs, errors, components.metrics.registry()),
                filePages, new StatsPages(components.dailyCounts, summaries, templates),
                new DeletePages(components.fileService, links, summaries, templates, gate),
                new ReportPages(components.abuseReports, filePages, gate), components.abuseReports, previews, errors,
                clientAddress, components.folderAccess, folderLinks);
        FolderRoutes folderRoutes = new FolderRoutes(components.folderAccess,
                new FolderPages(templates, folderLinks, links), folderLinks, links,
                components.downloads, errors, clientAddress, new RateLimiter(FolderRoutes.ATTEMPTS_PER_MINUTE, clock), gate,
                settings.publicUrl().startsWith("https://"));
        Readiness readiness = new Readiness(List.of(
                new Readiness.Check("database", components.database::isReachable),
                // A local store lives and dies with this process: it answers whenever the probe can.
                new Readiness.Check("store",
                        () -> !(components.blobs instanceof RemoteStore remote) || remote.isReachable())),
                READINESS_TIMEOUT);
        Optional<ResetLinkMail> resetMail = settings.web().smtp()
                .map(smtp -> new ResetLinkMail(new Mailer(smtp), settings.publicUrl(), settings.siteName()));
        // Exact paths first (/health/..., /metrics, /folder/<id>), then the short URLs of PublicRoutes,
        // whose /<short>/<name> would take /folder/<id> too.
        // The site's own paths come before the short URLs too; ShortUrls never hands out their first segments.
        BooleanSupplier registrationOpen = () -> components.siteSettings.current().registrationOpen();
        BooleanSupplier maintenance = () -> components.siteSettings.current().maintenance();
        List<WebRoutes> web = new ArrayList<>(List.of(new HealthRoutes(readiness),
                new MetricsRoutes(components.metrics, settings.metricsAccess(), clientAddress), new AssetRoutes(errors),
                new SignInRoutes(components.auth, components.userAdmin, gate, templates, clientAddress,
                        registrationOpen, maintenance, settings.web().smtp().isPresent()),
                new AccountSettingsRoutes(components.auth, components.userAdmin, components.apiKeys,
                        components.accessTokens, components.webSessions, components.packages, components.quota, gate,
                        templates, dates, clientAddress),
                new FileManagerRoutes(components.fileService, components.folderService, components.folders,
                        components.packages, components.quota, gate, templates, errors, links, folderLinks, dates,
                        components.blobs, components.accountChanges, listingCacheBytes),
                new UploaderRoutes(gate, components.webSessions, components.guestGrants, components.folders,
                        components.packages, templates, clientAddress, registrationOpen,
                        components.resumableUploads.isPresent()),
                new AdminRoutes(new AdminGate(gate, components.packages::isAdmin, errors, clientAddress), templates,
                        errors, adminSections(settings, components, readiness, resetMail, links, dates, clock))));
        resetMail.ifPresent(mail -> web.add(new PasswordResetRoutes(components.passwordResets,
                components.userAdmin, components.webSessions, mail, gate, templates, clientAddress,
                new RateLimiter(RESET_REQUESTS_PER_MINUTE, clock))));
        web.addAll(List.of(folderRoutes, publicRoutes));
        SiteEntrance entrance = new SiteEntrance(components.bans, components.maintenance, components.packages::isAdmin,
                siteSessions, errors, clientAddress, List.of(AssetRoutes.PATHS, HealthRoutes.PATHS, MetricsRoutes.PATH));
        // Routes under /api/v2 beside the endpoints: the document, and resumable uploads where the store stages them.
        List<WebRoutes> apiRoutes = new ArrayList<>(List.of(new ApiDocsRoutes()));
        TusRoutes.Guests guests = new TusRoutes.Guests(components.guestGrants, components.anonymousOwner,
                beforeSignIn, components.downloadTokens);
        components.resumableUploads.ifPresent(resumable -> apiRoutes.add(resumable.routes(components.auth, guests,
                envelope, clientAddress, addressLimiter, tokenLimiter, apiGate, links, settings.publicUrl())));
        this.http = new HttpServer(
                new HttpServer.Listening(settings.bind(), settings.port(), settings.shutdownGrace()),
                new HttpServer.Routes(api, apiRoutes, web, entrance, errors::notFound, errors::fault,
                        new ProtocolErrors(envelope, errors::page), new RequestMetrics(components.metrics.registry())));
        scheduler.every(Duration.ofMinutes(10), "purge idle access tokens", components.accessTokens::purgeIdle);
        scheduler.every(Duration.ofMinutes(10), "purge idle web sessions", components.webSessions::purgeIdle);
        scheduler.every(Duration.ofMinutes(10), "purge idle guest upload grants", components.guestGrants::purgeIdle);
        scheduler.every(Duration.ofHours(1), "prune old sign-in history", components.signIns::prune);
        scheduler.every(Duration.ofMinutes(10), "purge expired password reset links",
                components.passwordResets::purgeExpired);
        scheduler.every(Duration.ofMinutes(10), "purge expired download links", components.downloadTokens::purgeExpired);
        scheduler.every(Duration.ofMinutes(10), "purge expired folder unlocks", components.folderAccess::purgeExpired);
        scheduler.every(Duration.ofMinutes(1), "requeue abandoned URL imports", components.importWorkers::recoverAbandoned);
        components.housekeeping.scheduleOn(scheduler, settings.jobsPeriod());
        scheduler.every(TransferSlots.HEARTBEAT, "renew transfer slots", components.transfers::heartbeat);
    }

    /** The admin panel's sections, in the order of its navigation. */
    private static List<AdminSection> adminSections(Settings settings, Components components, Readiness readiness,
                                                    Optional<ResetLinkMail> resetMail, FileLinks links, ApiDates dates,
                                                    Clock clock) {
        return List.of(
                new AdminDashboardSection(components.siteTotals, components.dailyCounts,
                        components.imports::pending, readiness::probe),
                new AdminUsersSection(components.userAdmin, components.packageAdmin, resetMail, dates),
                new AdminPackagesSection(components.packageAdmin),
                new AdminFilesSection(components.fileSearch, components.fileAdmin, links, dates),
                new AdminReportsSection(components.abuseReports, components.fileAdmin, links, dates),
                new AdminBansSection(components.banAdmin, dates, clock),
                new AdminImportsSection(components.importAdmin, dates),
                new AdminSettingsSection(components.siteAdmin, settings.configured()),
                new AdminAuditSection(components.audit, dates, settings.timezone()));
    }

    /**
     * The bounds of uploads that send the file before their credentials. The byte bound, unless set, follows
     * the packages as they change: the largest file a package with API access may upload (a package without
     * a limit counts as {@link #NO_LIMIT_BEFORE_SIGN_IN}) and the form around it. The per-address count is
     * kept in the database, so it holds across nodes.
     */
    private static UploadsBeforeSignIn uploadsBeforeSignIn(Settings settings, Components components) {
        long set = settings.uploadsBeforeSignInMaxBytes();
        LongSupplier maxBytes = set > 0 ? () -> set : () ->
                components.packages.largestApiUpload(NO_LIMIT_BEFORE_SIGN_IN) + MultipartFields.MAX_FORM_OVERHEAD;
        return new UploadsBeforeSignIn(maxBytes, settings.uploadsBeforeSignInPerAddress(),
                (address, max) -> components.transfers.tryAcquire("before-sign-in:" + address, max)
                        .map(slot -> slot::close));
    }

    public static Application start(Settings settings, Clock clock) {
        Application app = new Application(settings, clock);
        try {
            app.http.start();
            app.components.importWorkers.recoverAbandoned();
            app.components.importWorkers.start();
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
        return app;
    }

    public int port() {
        return http.port();
    }

    /** Set on the first start only, when this process created the admin account. */
    public Optional<AdminBootstrap.AdminCredentials> createdAdmin() {
        return createdAdmin;
    }

    public Components components() {
        return components;
    }

    @Override
    public void close() {
        scheduler.close();
        http.stop();
        components.close();
    }
}
