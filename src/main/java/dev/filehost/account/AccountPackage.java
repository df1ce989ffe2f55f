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
        boolean onUpgradePage,
        String acceptedFileTypes,
        String blockedFileTypes) {

    /** Whether the type rules let a file with this extension in (lists are comma-separated). */
    public boolean allowsExtension(String extension) {
        return (acceptedFileTypes.isBlank() || listed(acceptedFileTypes, extension))
                && !listed(blockedFileTypes, extension);
    }

    private static boolean listed(String list, String extension) {
        for (String entry : list.split(",")) {
            String clean = entry.strip().toLowerCase(java.util.Locale.ROOT);
            if (clean.startsWith(".")) {
                clean = clean.substring(1);
            }
            if (!clean.isEmpty() && clean.equals(extension)) {
                return true;
            }
        }
        return false;
    }
}
