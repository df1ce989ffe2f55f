package dev.filehost.app;

import dev.filehost.account.AnonymousOwner;
import dev.filehost.account.PackageRepository;
import dev.filehost.account.Packages;
import dev.filehost.account.UserRepository;
import dev.filehost.admin.AbuseReportRepository;
import dev.filehost.admin.AbuseReports;
import dev.filehost.admin.AdminBootstrap;
import dev.filehost.admin.AuditLog;
import dev.filehost.admin.AuditRepository;
import dev.filehost.admin.BanAdmin;
import dev.filehost.admin.FileAdmin;
import dev.filehost.admin.FileSearch;
import dev.filehost.admin.ImportAdmin;
import dev.filehost.admin.Maintenance;
import dev.filehost.admin.PackageAdmin;
import dev.filehost.admin.SiteAdmin;
import dev.filehost.admin.SiteTotals;
import dev.filehost.admin.UserAdmin;
import dev.filehost.auth.AccessTokenRepository;
import dev.filehost.auth.AccessTokens;
import dev.filehost.auth.ApiKeyRepository;
import dev.filehost.auth.ApiKeys;
import dev.filehost.auth.AuthService;
import dev.filehost.auth.GuestGrantRepository;
import dev.filehost.auth.GuestGrants;
import dev.filehost.auth.LoginFailureRepository;
import dev.filehost.auth.LoginLockRepository;
import dev.filehost.auth.LoginLockout;
import dev.filehost.auth.PasswordHasher;
import dev.filehost.auth.PasswordResetRepository;
import dev.filehost.auth.PasswordResets;
import dev.filehost.auth.SignInHistory;
import dev.filehost.auth.SignInRepository;
import dev.filehost.auth.WebSessionRepository;
import dev.filehost.auth.WebSessions;
import dev.filehost.ban.BanRepository;
import dev.filehost.ban.Bans;
import dev.filehost.config.Settings;
import dev.filehost.core.RateLimiter;
import dev.filehost.db.Database;
import dev.filehost.file.AccountChanges;
import dev.filehost.file.DownloadCounter;
import dev.filehost.file.DownloadPolicy;
import dev.filehost.file.DownloadRepository;
import dev.filehost.file.DownloadService;
import dev.filehost.file.DailyCounts;
import dev.filehost.file.DownloadTokenRepository;
import dev.filehost.file.DownloadTokens;
import dev.filehost.file.FileRepository;
import dev.filehost.file.FileService;
import dev.filehost.file.StorageQuota;
import dev.filehost.file.TransferSlotRepository;
import dev.filehost.file.TransferSlots;
import dev.filehost.file.TypeDetector;
import dev.filehost.file.UploadService;
import dev.filehost.folder.FolderAccess;
import dev.filehost.folder.FolderRepository;
import dev.filehost.folder.FolderService;
import dev.filehost.folder.FolderUnlockRepository;
import dev.filehost.folder.Folders;
import dev.filehost.jobs.Housekeeping;
import dev.filehost.monitoring.ServerMetrics;
import dev.filehost.site.SiteSettingRepository;
import dev.filehost.site.SiteSettings;
import dev.filehost.storage.BlobStore;
import dev.filehost.storage.LocalBlobStore;
import dev.filehost.storage.ResumableStaging;
import dev.filehost.storage.s3.S3BlobStore;
import dev.filehost.tus.ResumableUploads;
import dev.filehost.urlimport.AddressPolicy;
import dev.filehost.urlimport.ImportRepository;
import dev.filehost.urlimport.ImportService;
import dev.filehost.urlimport.ImportWorkers;
import dev.filehost.urlimport.RemoteFetcher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/** The services of filehost wired once from the settings; shared by the server and the CLI. */
public final class Components implements AutoCloseable {
    private static final int BCRYPT_STRENGTH = 10;
    // bcrypt may take half the cores; about half a second of sign-ins may wait for them.
    private static final int HASH_THREADS = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    private static final int HASH_QUEUE = 8 * HASH_THREADS;

    final Settings settings;
    final Clock clock;
    final Database database;
    final UserRepository users;
    final AccessTokens accessTokens;
    final ApiKeys apiKeys;
    final WebSessions webSessions;
    final GuestGrants guestGrants;
    final AnonymousOwner anonymousOwner;
    final PasswordResets passwordResets;
    final SignInHistory signIns;
    final AuthService auth;
    final UserAdmin userAdmin;
    final PackageAdmin packageAdmin;
    final AuditLog audit;
    final Bans bans;
    final BanAdmin banAdmin;
    final SiteSettings siteSettings;
    final SiteAdmin siteAdmin;
    final Maintenance maintenance;
    final AbuseReports abuseReports;
    final FileSearch fileSearch;
    final FileAdmin fileAdmin;
    final SiteTotals siteTotals;
    final AdminBootstrap adminBootstrap;
    final Packages packages;
    final BlobStore blobs;
    final FileRepository files;
    final StorageQuota quota;
    final Folders folders;
    final TransferSlots transfers;
    final DownloadTokens downloadTokens;
    final DownloadService downloads;
    final DailyCounts dailyCounts;
    final UploadService uploads;
    final FileService fileService;
    final ImportWorkers importWorkers;
    final ImportService imports;
    final ImportAdmin importAdmin;
    final Housekeeping housekeeping;
    final Optional<ResumableUploads> resumableUploads;
    final FolderService folderService;
    final AccountChanges accountChanges;
    final FolderAccess folderAccess;
    final ServerMetrics metrics = new ServerMetrics();
    private final PasswordHasher passwords;

    private Components(Settings settings, Clock clock, Database database) {
        this.settings = settings;
        this.clock = clock;
        this.database = database;
        this.users = new UserRepository(database.jdbi());
        PackageRepository packageRepository = new PackageRepository(database.jdbi());
        this.packages = new Packages(packageRepository, users, clock);
        ApiKeyRepository apiKeyRepository = new ApiKeyRepository(database.jdbi());
        this.passwords = new PasswordHasher(BCRYPT_STRENGTH, HASH_THREADS, HASH_QUEUE);
        this.accessTokens = new AccessTokens(new AccessTokenRepository(database.jdbi()), clock,
                settings.tokenIdleTimeout(), settings.maxTokensPerUser());
        this.webSessions = new WebSessions(new WebSessionRepository(database.jdbi()), accessTokens, clock,
                settings.web().sessionIdleTimeout());
        // A grant lives as long as an unfinished upload waits for its next piece; kept per node, like the other rate limits.
        this.guestGrants = new GuestGrants(new GuestGrantRepository(database.jdbi()),
                new RateLimiter(GuestGrants.PER_MINUTE, clock), clock, settings.resumableUploadExpiry());
        this.anonymousOwner = new AnonymousOwner(users, clock);
        this.passwordResets = new PasswordResets(new PasswordResetRepository(database.jdbi()), users, clock);
        LoginLockout lockout = new LoginLockout(new LoginFailureRepository(database.jdbi()),
                new LoginLockRepository(database.jdbi()), users, clock,
                new LoginLockout.Limits(settings.lockoutAttempts(), settings.accountLockoutAttempts(),
                        settings.lockoutWindow(), settings.lockoutDuration()));
        // Kept per node, like the other rate limits.
        this.signIns = new SignInHistory(new SignInRepository(database.jdbi()), clock);
        this.auth = new AuthService(users, packages, apiKeyRepository, accessTokens, lockout, passwords,
                new RateLimiter(settings.failedLoginsPerMinute(), clock), signIns);
        this.audit = new AuditLog(new AuditRepository(database.jdbi()), clock);
        this.apiKeys = new ApiKeys(apiKeyRepository, clock);
        this.bans = new Bans(new BanRepository(database.jdbi()), clock);
        this.banAdmin = new BanAdmin(bans, audit);
        this.siteSettings = new SiteSettings(new SiteSettingRepository(database.jdbi()), settings.siteName(),
                settings.uploadsEnabled(), settings.web().registrationOpen(), clock);
        this.siteAdmin = new SiteAdmin(siteSettings, audit);
        this.maintenance = new Maintenance(siteSettings, packages);
        this.blobs = openBlobStore(settings);
        this.files = new FileRepository(database);
        this.quota = new StorageQuota(files, users, packageRepository, clock);
        this.transfers = new TransferSlots(new TransferSlotRepository(database), clock);
        FolderRepository folderRepository = new FolderRepository(database.jdbi(), database.isPostgres());
        this.folders = new Folders(folderRepository, clock);
        this.downloadTokens = new DownloadTokens(new DownloadTokenRepository(database.jdbi()), clock,
                settings.downloadTokenLifetime(), settings.downloadTokenLockedToAddress());
        DownloadRepository downloadLog = new DownloadRepository(database.jdbi());
        this.downloads = new DownloadService(files, downloadTokens, new DownloadPolicy(downloadLog, transfers, clock, bans),
                packages, folders,
                new DownloadCounter(downloadLog, files, clock, settings.timezone(), settings.downloadCountUnique()), clock);
        this.dailyCounts = new DailyCounts(downloadLog, files, clock, settings.timezone(),
                settings.downloadCountUnique());
        this.uploads = new UploadService(blobs, files, quota, new TypeDetector(), transfers, folders, clock,
                () -> siteSettings.current().uploadsEnabled(), bans, metrics.registry());
        this.fileService = new FileService(files, folders, quota, clock);
        // Kept per node, like the other rate limits.
        this.abuseReports = new AbuseReports(new AbuseReportRepository(database.jdbi()), files, fileService, audit,
                new RateLimiter(AbuseReports.REPORTS_PER_MINUTE, clock), clock);
        ImportRepository importQueue = new ImportRepository(database.jdbi(), database.isPostgres());
        metrics.watchTransfers(transfers);
        metrics.watchImportQueue(importQueue::countPending);
        AddressPolicy addresses = new AddressPolicy(settings.urlImportAllowPrivate());
        this.importWorkers = new ImportWorkers(importQueue, new RemoteFetcher(addresses,
                settings.urlImportConnectTimeout(), settings.urlImportStallTimeout(), settings.urlImportMaxRedirects()),
                uploads, users, packages, clock, settings.urlImportWorkers());
        this.imports = new ImportService(importQueue, addresses, importWorkers, clock, bans);
        this.importAdmin = new ImportAdmin(imports, audit);
        this.resumableUploads = blobs instanceof ResumableStaging staging
                ? Optional.of(new ResumableUploads(database, staging, uploads, packages, folders, files,
                        metrics.registry(), clock, settings.resumableUploadExpiry()))
                : Optional.empty();
        this.housekeeping = new Housekeeping(database, blobs, clock, settings.trashRetention(), resumableUploads);
        this.folderService = new FolderService(folderRepository, folders, files, clock);
        this.accountChanges = new AccountChanges(database.jdbi());
        this.folderAccess = new FolderAccess(folderRepository, new FolderUnlockRepository(database.jdbi()),
                folderService, files, clock);
        this.userAdmin = new UserAdmin(users, packageRepository, passwords, apiKeys, accessTokens, webSessions, signIns,
                passwordResets, folderService, clock, audit);
        this.packageAdmin = new PackageAdmin(packageRepository, packages, userAdmin, accessTokens, audit);
        this.adminBootstrap = new AdminBootstrap(users, userAdmin);
        this.fileSearch = new FileSearch(files, userAdmin, settings.timezone());
        this.fileAdmin = new FileAdmin(files, fileService, users, audit);
        this.siteTotals = new SiteTotals(database.jdbi());
    }

    private static LocalBlobStore openLocalStore(Path root) {
        try {
            return LocalBlobStore.open(root);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the blob store at " + root, e);
        }
    }

    public static Components open(Settings settings, Clock clock) {
        Database database = Database.open(settings);
        try {
            return new Components(settings, clock, database);
        } catch (RuntimeException e) {
            // E.g. a blob store that cannot be reached: stop with the reason, not with an open pool.
            database.close();
            throw e;
        }
    }

    /** The store the settings name, without the database: a restore fills it before there is one. */
    public static BlobStore openBlobStore(Settings settings) {
        return settings.s3Storage().<BlobStore>map(S3BlobStore::open)
                .orElseGet(() -> openLocalStore(settings.dataDir().resolve("blobs")));
    }

    public BlobStore blobs() {
        return blobs;
    }

    public UserAdmin userAdmin() {
        return userAdmin;
    }

    public PackageAdmin packageAdmin() {
        return packageAdmin;
    }

    public BanAdmin banAdmin() {
        return banAdmin;
    }

    public SiteAdmin siteAdmin() {
        return siteAdmin;
    }

    /** The live site settings: the config's defaults overridden by what an operator set. */
    public SiteSettings siteSettings() {
        return siteSettings;
    }

    public AbuseReports abuseReports() {
        return abuseReports;
    }

    public FileSearch fileSearch() {
        return fileSearch;
    }

    /** The sign-ins of every account, which the scheduler prunes. */
    public SignInHistory signInHistory() {
        return signIns;
    }

    public AuditLog audit() {
        return audit;
    }

    public Database database() {
        return database;
    }

    public Clock clock() {
        return clock;
    }

    public ImportService imports() {
        return imports;
    }

    public FileAdmin fileAdmin() {
        return fileAdmin;
    }

    public ImportAdmin importAdmin() {
        return importAdmin;
    }

    /** Empty when the store cannot stage resumable uploads. */
    public Optional<ResumableUploads> resumableUploads() {
        return resumableUploads;
    }

    public Housekeeping housekeeping() {
        return housekeeping;
    }

    @Override
    public void close() {
        importWorkers.close();
        metrics.close();
        if (blobs instanceof S3BlobStore s3) {
            s3.close();
        }
        if (blobs instanceof LocalBlobStore local) {
            local.close();
        }
        passwords.close();
        database.close();
    }
}
