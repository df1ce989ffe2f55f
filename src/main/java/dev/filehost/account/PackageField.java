package dev.filehost.account;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/**
 * The fields of a package in the order of /account/package. Each name is both the API key
 * and the database column, so operators set them by the names they see in the API.
 */
public enum PackageField {
    ID(Kind.FIXED, p -> p.id()),
    LABEL(Kind.TEXT, AccountPackage::label),
    MAX_UPLOAD_SIZE(Kind.COUNT, AccountPackage::maxUploadSize),
    CAN_UPLOAD(Kind.FLAG, AccountPackage::canUpload),
    WAIT_BETWEEN_DOWNLOADS(Kind.COUNT, AccountPackage::waitBetweenDownloads),
    DOWNLOAD_SPEED(Kind.COUNT, AccountPackage::downloadSpeed),
    MAX_STORAGE_BYTES(Kind.COUNT, AccountPackage::maxStorageBytes),
    SHOW_SITE_ADVERTS(Kind.FLAG, AccountPackage::showSiteAdverts),
    SHOW_UPGRADE_SCREEN(Kind.FLAG, AccountPackage::showUpgradeScreen),
    DAYS_TO_KEEP_INACTIVE_FILES(Kind.COUNT, AccountPackage::daysToKeepInactiveFiles),
    CONCURRENT_UPLOADS(Kind.COUNT, AccountPackage::concurrentUploads),
    CONCURRENT_DOWNLOADS(Kind.COUNT, AccountPackage::concurrentDownloads),
    DOWNLOADS_PER_24_HOURS(Kind.COUNT, AccountPackage::downloadsPer24Hours),
    DOWNLOAD_SIZE_PER_24_HOURS(Kind.COUNT, AccountPackage::downloadSizePer24Hours),
    MAX_DOWNLOAD_FILESIZE_ALLOWED(Kind.COUNT, AccountPackage::maxDownloadFilesizeAllowed),
    MAX_REMOTE_DOWNLOAD_URLS(Kind.COUNT, AccountPackage::maxRemoteDownloadUrls),
    LEVEL_TYPE(Kind.TEXT, AccountPackage::levelType),
    ON_UPGRADE_PAGE(Kind.FLAG, AccountPackage::onUpgradePage),
    /** Not shown by the API: whether the package's users may use it at all. */
    API_ACCESS(Kind.FLAG, AccountPackage::apiAccess),
    /** Not shown by the API: comma-separated extensions; when set, only these may be uploaded. */
    ACCEPTED_FILE_TYPES(Kind.EXTENSIONS, AccountPackage::acceptedFileTypes),
    /** Not shown by the API: comma-separated extensions that may never be uploaded. */
    BLOCKED_FILE_TYPES(Kind.EXTENSIONS, AccountPackage::blockedFileTypes);

    /** How a field's value is written by an operator. */
    public enum Kind { FIXED, TEXT, COUNT, FLAG, EXTENSIONS }

    private final Kind kind;
    private final Function<AccountPackage, Object> getter;

    PackageField(Kind kind, Function<AccountPackage, Object> getter) {
        this.kind = kind;
        this.getter = getter;
    }

    public String column() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public Kind kind() {
        return kind;
    }

    public boolean shownByApi() {
        return ordinal() <= ON_UPGRADE_PAGE.ordinal();
    }

    /** The value as the API shows it: every number and flag as a string. */
    public String apiValue(AccountPackage pkg) {
        Object value = getter.apply(pkg);
        return value instanceof Boolean flag ? (flag ? "1" : "0") : String.valueOf(value);
    }

    public static Optional<PackageField> byName(String name) {
        return Arrays.stream(values()).filter(f -> f.column().equals(name)).findFirst();
    }
}
