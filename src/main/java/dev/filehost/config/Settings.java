package dev.filehost.config;

import static dev.filehost.config.SettingKeys.*;

import dev.filehost.net.CidrRange;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Every setting of the server, typed and checked once at start-up; each is declared in {@link SettingKeys}. */
public record Settings(
        String bind,
        int port,
        Path dataDir,
        String dbUrl,
        String dbUser,
        String dbPassword,
        String publicUrl,
        ZoneId timezone,
        boolean passwordLogin,
        boolean httpStatusCodes,
        boolean trustProxyHeaders,
        List<CidrRange> trustedProxies,
        Duration tokenIdleTimeout,
        int maxTokensPerUser,
        int lockoutAttempts,
        Duration lockoutWindow,
        Duration lockoutDuration,
        int accountLockoutAttempts,
        int failedLoginsPerMinute,
        int rateLimitPerAddress,
        int rateLimitPerToken,
        String siteName,
        boolean uploadsEnabled,
        long uploadsBeforeSignInMaxBytes,
        int uploadsBeforeSignInPerAddress,
        Duration downloadTokenLifetime,
        boolean downloadTokenLockedToAddress,
        boolean downloadCountUnique,
        Duration trashRetention,
        long listingCacheBytes,
        boolean urlImportAllowPrivate,
        int urlImportWorkers,
        Duration urlImportConnectTimeout,
        Duration urlImportStallTimeout,
        int urlImportMaxRedirects,
        Duration jobsPeriod,
        Duration resumableUploadExpiry,
        Duration shutdownGrace,
        Optional<S3Settings> s3Storage,
        MetricsAccess metricsAccess,
        WebSettings web,
        List<ConfiguredSetting> configured) {

    /** The key of every setting, from {@link SettingKeys}. */
    static final Set<String> KEYS = SettingKeys.all().stream().map(Setting::key).collect(Collectors.toUnmodifiableSet());

    public static Settings from(SettingSource source) {
        SettingReader r = new SettingReader(source);
        return new Settings(
                r.get(BIND),
                r.get(PORT),
                r.get(DATA),
                r.get(DB_URL),
                r.get(DB_USER),
                r.get(DB_PASSWORD),
                r.get(PUBLIC_URL),
                r.get(TIMEZONE),
                r.get(PASSWORD_LOGIN),
                r.get(HTTP_STATUS_CODES),
                r.get(TRUST_PROXY_HEADERS),
                r.get(TRUSTED_PROXIES),
                r.get(TOKEN_IDLE),
                r.get(MAX_TOKENS_PER_USER),
                r.get(LOCKOUT_ATTEMPTS),
                r.get(LOCKOUT_WINDOW),
                r.get(LOCKOUT_DURATION),
                r.get(ACCOUNT_LOCKOUT_ATTEMPTS),
                r.get(FAILED_LOGINS_PER_MINUTE),
                r.get(RATE_LIMIT_PER_ADDRESS),
                r.get(RATE_LIMIT_PER_TOKEN),
                r.get(SITE_NAME),
                r.get(UPLOADS_ENABLED),
                r.get(UPLOADS_BEFORE_SIGN_IN_MAX_BYTES),
                r.get(UPLOADS_BEFORE_SIGN_IN_PER_ADDRESS),
                r.get(DOWNLOAD_TOKEN_LIFETIME),
                r.get(DOWNLOAD_LOCK_TO_ADDRESS),
                r.get(DOWNLOAD_COUNT_UNIQUE),
                r.get(TRASH_RETENTION),
                r.get(LISTING_CACHE_BYTES),
                r.get(URL_IMPORT_ALLOW_PRIVATE),
                r.get(URL_IMPORT_WORKERS),
                r.get(URL_IMPORT_CONNECT_TIMEOUT),
                r.get(URL_IMPORT_STALL_TIMEOUT),
                r.get(URL_IMPORT_MAX_REDIRECTS),
                r.get(JOBS_PERIOD),
                r.get(RESUMABLE_UPLOAD_EXPIRY),
                r.get(SHUTDOWN_GRACE),
                S3Settings.read(r),
                new MetricsAccess(r.get(METRICS_ALLOW), r.get(METRICS_TOKEN)),
                WebSettings.read(r),
                ConfiguredSetting.all(source, r));
    }

    public boolean usesPostgres() {
        return dbUrl.startsWith("jdbc:postgresql:");
    }

    /** The SQLite database file, or empty on PostgreSQL. */
    public Optional<Path> sqliteFile() {
        return usesPostgres() ? Optional.empty() : Optional.of(Path.of(dbUrl.substring("jdbc:sqlite:".length())));
    }
}
