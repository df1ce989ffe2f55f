package dev.filehost.account;

/** A package (account level) and the limits it gives its users; 0 means unlimited. */
public record AccountPackage(
        long id,
        String label,
        String levelType,
        boolean apiAccess,
        long maxUploadSize,
        boolean canUpload,
        long waitBetweenDownloads,
        long downloadSpeed,
        long maxStorageBytes,
        boolean showSiteAdverts,
        boolean showUpgradeScreen,
        long daysToKeepInactiveFiles,
        long concurrentUploads,
        long concurrentDownloads,
        long downloadsPer24Hours,
        long downloadSizePer24Hours,
        long maxDownloadFilesizeAllowed,
        long maxRemoteDownloadUrls,
        boolean onUpgradePage) {
}
