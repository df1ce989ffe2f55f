package dev.filehost.config;

import dev.filehost.core.YesNo;
import dev.filehost.net.CidrRange;
import java.net.URI;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Every setting of the server, typed and checked once at start-up. */
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
        Duration downloadTokenLifetime,
        boolean downloadTokenLockedToAddress,
        boolean downloadCountUnique,
        Duration trashRetention,
        boolean urlImportAllowPrivate,
        int urlImportWorkers,
        Duration urlImportConnectTimeout,
        Duration urlImportStallTimeout,
        int urlImportMaxRedirects,
        Duration jobsPeriod,
        Duration shutdownGrace,
        Optional<S3Settings> s3Storage,
        MetricsAccess metricsAccess,
        WebSettings web) {

    static final Set<String> KEYS = Set.of(
            "filehost.bind", "filehost.port", "filehost.data", "filehost.db-url", "filehost.db-user",
            "filehost.db-password", "filehost.public-url", "filehost.timezone",
            "filehost.api.password-login", "filehost.api.http-status-codes", "filehost.trust-proxy-headers",
            "filehost.trusted-proxies",
            "filehost.auth.token-idle-minutes", "filehost.auth.max-tokens-per-user",
            "filehost.auth.lockout-attempts", "filehost.auth.lockout-window-minutes",
            "filehost.auth.lockout-minutes", "filehost.auth.account-lockout-attempts",
            "filehost.auth.failed-logins-per-minute",
            "filehost.rate-limit.per-address", "filehost.rate-limit.per-token",
            "filehost.site-name", "filehost.uploads.enabled", "filehost.download.token-hours",
            "filehost.download.lock-to-address", "filehost.download.count-unique", "filehost.trash.retention-days",
            "filehost.url-import.allow-private", "filehost.url-import.workers",
            "filehost.url-import.connect-timeout-seconds", "filehost.url-import.stall-timeout-seconds",
            "filehost.url-import.max-redirects", "filehost.jobs.period-minutes",
            "filehost.shutdown-grace-seconds",
            "filehost.storage.type", "filehost.storage.s3.endpoint", "filehost.storage.s3.bucket",
            "filehost.storage.s3.region", "filehost.storage.s3.access-key", "filehost.storage.s3.secret-key",
            "filehost.storage.s3.path-style", "filehost.storage.s3.part-size-mb",
            "filehost.metrics.allow", "filehost.metrics.token",
            "filehost.web.session-idle-minutes", "filehost.web.registration-open", "filehost.smtp.host",
            "filehost.smtp.port", "filehost.smtp.username", "filehost.smtp.password", "filehost.smtp.from",
            "filehost.smtp.security");
    private static final int MIB = 1 << 20;
    private static final List<CidrRange> LOOPBACK = CidrRange.parseList("127.0.0.0/8,::1/128");
    private static final String ADDRESS_RANGES = "must be comma-separated address ranges such as 10.0.0.0/8,::1/128";
    private static final Pattern BUCKET_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    public static Settings from(SettingSource source) {
        Reader r = new Reader(source);
        int port = r.integer("filehost.port", 8080, 0, 65535);
        Path data = Path.of(r.text("filehost.data", "./data"));
        String dbUrl = r.text("filehost.db-url", "jdbc:sqlite:" + data.resolve("filehost.db"));
        if (!dbUrl.startsWith("jdbc:sqlite:") && !dbUrl.startsWith("jdbc:postgresql:")) {
            throw r.invalid("filehost.db-url", "must start with jdbc:sqlite: or jdbc:postgresql:");
        }
        return new Settings(
                r.text("filehost.bind", "127.0.0.1"),
                port,
                data,
                dbUrl,
                r.text("filehost.db-user", ""),
                r.text("filehost.db-password", ""),
                r.url("filehost.public-url", "http://localhost:" + port),
                r.parsed("filehost.timezone", ZoneId.of("UTC"), ZoneId::of, "is not a known time zone"),
                r.bool("filehost.api.password-login", true),
                r.bool("filehost.api.http-status-codes", false),
                r.bool("filehost.trust-proxy-headers", false),
                r.parsed("filehost.trusted-proxies", LOOPBACK, CidrRange::parseList, ADDRESS_RANGES),
                Duration.ofMinutes(r.integer("filehost.auth.token-idle-minutes", 60, 1, 525_600)),
                r.integer("filehost.auth.max-tokens-per-user", 10, 1, 1000),
                r.integer("filehost.auth.lockout-attempts", 5, 1, 1000),
                Duration.ofMinutes(r.integer("filehost.auth.lockout-window-minutes", 15, 1, 525_600)),
                Duration.ofMinutes(r.integer("filehost.auth.lockout-minutes", 15, 1, 525_600)),
                r.integer("filehost.auth.account-lockout-attempts", 50, 1, 1_000_000),
                r.integer("filehost.auth.failed-logins-per-minute", 20, 0, 1_000_000),
                r.integer("filehost.rate-limit.per-address", 1_200_000, 0, Integer.MAX_VALUE),
                r.integer("filehost.rate-limit.per-token", 1_200_000, 0, Integer.MAX_VALUE),
                r.text("filehost.site-name", "filehost"),
                r.bool("filehost.uploads.enabled", true),
                Duration.ofHours(r.integer("filehost.download.token-hours", 24, 1, 8760)),
                r.bool("filehost.download.lock-to-address", false),
                r.bool("filehost.download.count-unique", true),
                Duration.ofDays(r.integer("filehost.trash.retention-days", 30, 0, 36500)),
                r.bool("filehost.url-import.allow-private", false),
                r.integer("filehost.url-import.workers", 4, 0, 256),
                Duration.ofSeconds(r.integer("filehost.url-import.connect-timeout-seconds", 10, 1, 600)),
                Duration.ofSeconds(r.integer("filehost.url-import.stall-timeout-seconds", 30, 1, 3600)),
                r.integer("filehost.url-import.max-redirects", 5, 0, 20),
                Duration.ofMinutes(r.integer("filehost.jobs.period-minutes", 10, 1, 1440)),
                Duration.ofSeconds(r.integer("filehost.shutdown-grace-seconds", 30, 0, 86_400)),
                s3Storage(r),
                new MetricsAccess(
                        r.parsed("filehost.metrics.allow", LOOPBACK, CidrRange::parseList, ADDRESS_RANGES),
                        r.source().get("filehost.metrics.token")),
                new WebSettings(
                        Duration.ofMinutes(r.integer("filehost.web.session-idle-minutes", 1440, 1, 525_600)),
                        r.bool("filehost.web.registration-open", true),
                        smtp(r)));
    }

    /** Empty when no mail server is set: the site then sends no mail. */
    private static Optional<SmtpSettings> smtp(Reader r) {
        Optional<String> host = r.source().get("filehost.smtp.host");
        if (host.isEmpty()) {
            return Optional.empty();
        }
        String security = r.text("filehost.smtp.security", "starttls").toLowerCase(Locale.ROOT);
        if (!Set.of("starttls", "tls", "none").contains(security)) {
            throw r.invalid("filehost.smtp.security", "must be starttls, tls or none");
        }
        return Optional.of(new SmtpSettings(host.get(), r.integer("filehost.smtp.port", 587, 1, 65_535),
                r.text("filehost.smtp.username", ""), r.text("filehost.smtp.password", ""),
                r.required("filehost.smtp.from", "a mail server is set"), security));
    }

    /** Empty for blobs under the data directory. */
    private static Optional<S3Settings> s3Storage(Reader r) {
        String type = r.text("filehost.storage.type", "local").toLowerCase(Locale.ROOT);
        if (type.equals("local")) {
            return Optional.empty();
        }
        if (!type.equals("s3")) {
            throw r.invalid("filehost.storage.type", "must be local or s3");
        }
        String bucket = r.required("filehost.storage.s3.bucket", "the storage type is s3");
        if (!BUCKET_NAME.matcher(bucket).matches()) {
            throw r.invalid("filehost.storage.s3.bucket", "must be 3 to 63 lowercase letters, digits, dots or hyphens");
        }
        String endpointKey = "filehost.storage.s3.endpoint";
        String endpoint = r.source().get(endpointKey).isPresent() ? r.url(endpointKey, "") : "";
        String accessKey = r.text("filehost.storage.s3.access-key", "");
        String secretKey = accessKey.isEmpty() ? "" : r.required("filehost.storage.s3.secret-key", "an access key is set");
        return Optional.of(new S3Settings(
                endpoint,
                bucket,
                r.text("filehost.storage.s3.region", "us-east-1"),
                accessKey,
                secretKey,
                r.bool("filehost.storage.s3.path-style", false),
                // S3 refuses parts under 5 MiB; 8 MiB parts allow blobs up to 78 GiB (10,000 parts).
                r.integer("filehost.storage.s3.part-size-mb", 8, 5, 512) * MIB));
    }

    public boolean usesPostgres() {
        return dbUrl.startsWith("jdbc:postgresql:");
    }

    /** The SQLite database file, or empty on PostgreSQL. */
    public Optional<Path> sqliteFile() {
        return usesPostgres() ? Optional.empty() : Optional.of(Path.of(dbUrl.substring("jdbc:sqlite:".length())));
    }

    /** Reads one typed value, failing with a line that names the setting. */
    private record Reader(SettingSource source) {
        String text(String key, String fallback) {
            return source.get(key).orElse(fallback);
        }

        String required(String key, String because) {
            return source.get(key).orElseThrow(() -> new SettingsException(
                    "Missing setting " + key + " (" + SettingSource.envName(key) + "): needed because " + because));
        }

        int integer(String key, int fallback, int min, int max) {
            int value = parsed(key, fallback, Integer::parseInt, "is not a whole number");
            if (value < min || value > max) {
                throw invalid(key, "must be between " + min + " and " + max);
            }
            return value;
        }

        boolean bool(String key, boolean fallback) {
            return parsed(key, fallback, value -> YesNo.parse(value).orElseThrow(IllegalArgumentException::new),
                    "must be true or false");
        }

        String url(String key, String fallback) {
            String value = text(key, fallback);
            try {
                URI uri = URI.create(value);
                if (!List.of("http", "https").contains(String.valueOf(uri.getScheme())) || uri.getHost() == null) {
                    throw new IllegalArgumentException();
                }
            } catch (IllegalArgumentException e) {
                throw invalid(key, "must be an http:// or https:// URL");
            }
            return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
        }

        <T> T parsed(String key, T fallback, Function<String, T> parser, String problem) {
            var raw = source.get(key);
            if (raw.isEmpty()) {
                return fallback;
            }
            try {
                return parser.apply(raw.get());
            } catch (IllegalArgumentException | DateTimeException e) {
                throw invalid(key, problem);
            }
        }

        SettingsException invalid(String key, String problem) {
            String value = source.get(key).orElse("");
            return new SettingsException("Invalid setting " + source.origin(key) + "='" + value + "': " + problem);
        }
    }
}
