package dev.filehost.config;

import dev.filehost.core.YesNo;
import dev.filehost.net.CidrRange;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Every setting the server reads, each declared once: key, default, and parser with its error texts.
 * To add one: declare it here, add its field to {@link Settings} and read it in {@link Settings#from},
 * and add its row to the README's settings table ({@code SettingsTableTest} checks the table).
 */
final class SettingKeys {
    /** Filled by {@link #derived} in declaration order, so a default may read a setting declared above it. */
    private static final List<Setting<?>> ALL = new ArrayList<>();

    private static final List<CidrRange> LOOPBACK = CidrRange.parseList("127.0.0.0/8,::1/128");
    private static final ValueParser<String> TEXT = text -> text;
    private static final ValueParser<Boolean> YES_NO =
            ValueParser.of(text -> YesNo.parse(text).orElseThrow(IllegalArgumentException::new), "must be true or false");
    private static final ValueParser<String> URL = ValueParser.of(SettingKeys::httpUrl, "must be an http:// or https:// URL");
    private static final ValueParser<List<CidrRange>> ADDRESS_RANGES = ValueParser.of(CidrRange::parseList,
            "must be comma-separated address ranges such as 10.0.0.0/8,::1/128");
    private static final Pattern BUCKET_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final int MIB = 1 << 20;

    static final Setting<String> BIND = define("filehost.bind", "127.0.0.1", TEXT);
    static final Setting<Integer> PORT = define("filehost.port", 8080, wholeNumber(0, 65535));
    static final Setting<Path> DATA = define("filehost.data", Path.of("./data"), TEXT.map(Path::of));
    static final Setting<String> DB_URL = derived("filehost.db-url",
            r -> "jdbc:sqlite:" + r.get(DATA).resolve("filehost.db"),
            TEXT.check(url -> url.startsWith("jdbc:sqlite:") || url.startsWith("jdbc:postgresql:"),
                    "must start with jdbc:sqlite: or jdbc:postgresql:"));
    static final Setting<String> DB_USER = define("filehost.db-user", "", TEXT);
    static final Setting<String> DB_PASSWORD = define("filehost.db-password", "", TEXT);
    static final Setting<String> PUBLIC_URL = derived("filehost.public-url", r -> "http://localhost:" + r.get(PORT), URL);
    static final Setting<ZoneId> TIMEZONE =
            define("filehost.timezone", ZoneId.of("UTC"), ValueParser.of(ZoneId::of, "is not a known time zone"));
    static final Setting<Boolean> PASSWORD_LOGIN = define("filehost.api.password-login", true, YES_NO);
    static final Setting<Boolean> HTTP_STATUS_CODES = define("filehost.api.http-status-codes", false, YES_NO);
    static final Setting<Boolean> TRUST_PROXY_HEADERS = define("filehost.trust-proxy-headers", false, YES_NO);
    static final Setting<List<CidrRange>> TRUSTED_PROXIES = define("filehost.trusted-proxies", LOOPBACK, ADDRESS_RANGES);
    static final Setting<Duration> TOKEN_IDLE = define("filehost.auth.token-idle-minutes",
            Duration.ofMinutes(60), wholeNumber(1, 525_600).map(Duration::ofMinutes));
    static final Setting<Integer> MAX_TOKENS_PER_USER = define("filehost.auth.max-tokens-per-user", 10, wholeNumber(1, 1000));
    static final Setting<Integer> LOCKOUT_ATTEMPTS = define("filehost.auth.lockout-attempts", 5, wholeNumber(1, 1000));
    static final Setting<Duration> LOCKOUT_WINDOW = define("filehost.auth.lockout-window-minutes",
            Duration.ofMinutes(15), wholeNumber(1, 525_600).map(Duration::ofMinutes));
    static final Setting<Duration> LOCKOUT_DURATION = define("filehost.auth.lockout-minutes",
            Duration.ofMinutes(15), wholeNumber(1, 525_600).map(Duration::ofMinutes));
    static final Setting<Integer> ACCOUNT_LOCKOUT_ATTEMPTS =
            define("filehost.auth.account-lockout-attempts", 50, wholeNumber(1, 1_000_000));
    static final Setting<Integer> FAILED_LOGINS_PER_MINUTE =
            define("filehost.auth.failed-logins-per-minute", 20, wholeNumber(0, 1_000_000));
    static final Setting<Integer> RATE_LIMIT_PER_ADDRESS =
            define("filehost.rate-limit.per-address", 1_200_000, wholeNumber(0, Integer.MAX_VALUE));
    static final Setting<Integer> RATE_LIMIT_PER_TOKEN =
            define("filehost.rate-limit.per-token", 1_200_000, wholeNumber(0, Integer.MAX_VALUE));
    static final Setting<String> SITE_NAME = define("filehost.site-name", "filehost", TEXT);
    static final Setting<Boolean> UPLOADS_ENABLED = define("filehost.uploads.enabled", true, YES_NO);
    /** 0: derived from the packages as they change (see {@code Application}). */
    static final Setting<Long> UPLOADS_BEFORE_SIGN_IN_MAX_BYTES = define("filehost.uploads.before-sign-in-max-mb",
            0L, wholeNumber(0, Integer.MAX_VALUE).map(mebibytes -> (long) mebibytes * MIB));
    static final Setting<Integer> UPLOADS_BEFORE_SIGN_IN_PER_ADDRESS =
            define("filehost.uploads.before-sign-in-per-address", 2, wholeNumber(0, 1000));
    static final Setting<Duration> DOWNLOAD_TOKEN_LIFETIME = define("filehost.download.token-hours",
            Duration.ofHours(24), wholeNumber(1, 8760).map(Duration::ofHours));
    static final Setting<Boolean> DOWNLOAD_LOCK_TO_ADDRESS = define("filehost.download.lock-to-address", false, YES_NO);
    static final Setting<Boolean> DOWNLOAD_COUNT_UNIQUE = define("filehost.download.count-unique", true, YES_NO);
    static final Setting<Duration> TRASH_RETENTION = define("filehost.trash.retention-days",
            Duration.ofDays(30), wholeNumber(0, 36500).map(Duration::ofDays));
    /** Half for the API's folder listings, half for the file manager's pages. */
    static final Setting<Long> LISTING_CACHE_BYTES = define("filehost.listing-cache-mb", 16L * MIB,
            wholeNumber(0, 65536).map(mebibytes -> (long) mebibytes * MIB));
    static final Setting<Boolean> URL_IMPORT_ALLOW_PRIVATE = define("filehost.url-import.allow-private", false, YES_NO);
    static final Setting<Integer> URL_IMPORT_WORKERS = define("filehost.url-import.workers", 4, wholeNumber(0, 256));
    static final Setting<Duration> URL_IMPORT_CONNECT_TIMEOUT = define("filehost.url-import.connect-timeout-seconds",
            Duration.ofSeconds(10), wholeNumber(1, 600).map(Duration::ofSeconds));
    static final Setting<Duration> URL_IMPORT_STALL_TIMEOUT = define("filehost.url-import.stall-timeout-seconds",
            Duration.ofSeconds(30), wholeNumber(1, 3600).map(Duration::ofSeconds));
    static final Setting<Integer> URL_IMPORT_MAX_REDIRECTS = define("filehost.url-import.max-redirects", 5, wholeNumber(0, 20));
    static final Setting<Duration> JOBS_PERIOD = define("filehost.jobs.period-minutes",
            Duration.ofMinutes(10), wholeNumber(1, 1440).map(Duration::ofMinutes));
    static final Setting<Duration> RESUMABLE_UPLOAD_EXPIRY = define("filehost.uploads.resumable-expiry-hours",
            Duration.ofHours(24), wholeNumber(1, 8760).map(Duration::ofHours));
    static final Setting<Duration> SHUTDOWN_GRACE = define("filehost.shutdown-grace-seconds",
            Duration.ofSeconds(30), wholeNumber(0, 86_400).map(Duration::ofSeconds));

    /** {@code local} or {@code s3}; the s3 settings below count only with {@code s3}. */
    static final Setting<String> STORAGE_TYPE = define("filehost.storage.type", "local",
            TEXT.map(type -> type.toLowerCase(Locale.ROOT)).check(List.of("local", "s3")::contains, "must be local or s3"));
    /** Empty for AWS itself. */
    static final Setting<String> S3_ENDPOINT = define("filehost.storage.s3.endpoint", "", URL);
    static final Setting<String> S3_BUCKET = required("filehost.storage.s3.bucket", "the storage type is s3",
            TEXT.check(BUCKET_NAME.asMatchPredicate(), "must be 3 to 63 lowercase letters, digits, dots or hyphens"));
    static final Setting<String> S3_REGION = define("filehost.storage.s3.region", "us-east-1", TEXT);
    static final Setting<String> S3_ACCESS_KEY = define("filehost.storage.s3.access-key", "", TEXT);
    /** Read only when an access key is set. */
    static final Setting<String> S3_SECRET_KEY = required("filehost.storage.s3.secret-key", "an access key is set", TEXT);
    static final Setting<Boolean> S3_PATH_STYLE = define("filehost.storage.s3.path-style", false, YES_NO);
    /** S3 refuses parts under 5 MiB; 8 MiB parts allow blobs up to 78 GiB (10,000 parts). */
    static final Setting<Integer> S3_PART_SIZE_BYTES = define("filehost.storage.s3.part-size-mb",
            8 * MIB, wholeNumber(5, 512).map(mebibytes -> mebibytes * MIB));

    static final Setting<List<CidrRange>> METRICS_ALLOW = define("filehost.metrics.allow", LOOPBACK, ADDRESS_RANGES);
    static final Setting<Optional<String>> METRICS_TOKEN =
            define("filehost.metrics.token", Optional.empty(), TEXT.map(Optional::of));

    static final Setting<Duration> WEB_SESSION_IDLE = define("filehost.web.session-idle-minutes",
            Duration.ofMinutes(1440), wholeNumber(1, 525_600).map(Duration::ofMinutes));
    static final Setting<Boolean> WEB_REGISTRATION_OPEN = define("filehost.web.registration-open", true, YES_NO);
    /** Empty: the site sends no mail, so offers no password reset; the smtp settings below count only with a host. */
    static final Setting<String> SMTP_HOST = define("filehost.smtp.host", "", TEXT);
    static final Setting<Integer> SMTP_PORT = define("filehost.smtp.port", 587, wholeNumber(1, 65535));
    static final Setting<String> SMTP_SECURITY = define("filehost.smtp.security", "starttls",
            TEXT.map(type -> type.toLowerCase(Locale.ROOT)).check(List.of("starttls", "tls", "none")::contains,
                    "must be starttls, tls or none"));
    static final Setting<String> SMTP_USERNAME = define("filehost.smtp.username", "", TEXT);
    static final Setting<String> SMTP_PASSWORD = define("filehost.smtp.password", "", TEXT);
    static final Setting<String> SMTP_FROM = required("filehost.smtp.from", "a mail server is set", TEXT);

    private SettingKeys() {
    }

    static List<Setting<?>> all() {
        return List.copyOf(ALL);
    }

    private static <T> Setting<T> define(String key, T fallback, ValueParser<T> parser) {
        return derived(key, r -> fallback, parser);
    }

    /** A setting whose default follows from settings declared above it. */
    private static <T> Setting<T> derived(String key, Function<SettingReader, T> fallback, ValueParser<T> parser) {
        Setting<T> setting = new Setting<>(key, fallback, parser);
        ALL.add(setting);
        return setting;
    }

    /** A setting without a default, read only when another setting makes it necessary. */
    private static <T> Setting<T> required(String key, String because, ValueParser<T> parser) {
        return derived(key, r -> {
            throw new SettingsException(
                    "Missing setting " + key + " (" + Setting.envName(key) + "): needed because " + because);
        }, parser);
    }

    private static ValueParser<Integer> wholeNumber(int min, int max) {
        return ValueParser.of(Integer::parseInt, "is not a whole number")
                .check(value -> value >= min && value <= max, "must be between " + min + " and " + max);
    }

    /** The URL without a trailing slash, so links can be appended. */
    private static String httpUrl(String text) {
        URI uri = URI.create(text);
        if (!List.of("http", "https").contains(String.valueOf(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException("not an http(s) URL");
        }
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
