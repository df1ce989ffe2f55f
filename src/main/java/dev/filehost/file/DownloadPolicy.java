package dev.filehost.file;

import dev.filehost.account.AccountPackage;
import dev.filehost.ban.BanScope;
import dev.filehost.ban.Bans;
import java.time.Clock;
import java.time.Duration;

/**
 * The download limits of the downloader's package: largest file, downloads and bytes per 24
 * hours, the wait between downloads, downloads at once, and the speed of the stream.
 */
public final class DownloadPolicy {
    static final String FILE_TOO_LARGE = "This file is larger than your account level can download.";
    static final String DAILY_COUNT = "You have reached the maximum number of downloads for 24 hours. Please try again later.";
    static final String DAILY_BYTES = "You have reached the maximum download size for 24 hours. Please try again later.";
    static final String WAIT = "Please wait before starting another download.";
    static final String TOO_MANY = "You have too many downloads in progress. Please wait for one to finish.";
    private static final Duration DAY = Duration.ofHours(24);

    private final DownloadRepository downloads;
    private final TransferSlots slots;
    private final Clock clock;
    private final Bans bans;

    public DownloadPolicy(DownloadRepository downloads, TransferSlots slots, Clock clock, Bans bans) {
        this.bans = bans;
        this.downloads = downloads;
        this.slots = slots;
        this.clock = clock;
    }

    /** Who downloads: an account (null for a visitor), their address and their package. */
    public record Downloader(Long userId, String ip, AccountPackage pkg) {
        String key() {
            return userId != null ? "download:user:" + userId : "download:ip:" + ip;
        }
    }

    /** A refusal, with the seconds after which trying again may succeed (0: it will not). */
    public static final class Refused extends RuntimeException {
        private final long retryAfterSeconds;

        Refused(String message, long retryAfterSeconds) {
            super(message, null, false, false);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    /** A download that may go ahead: its slot, its speed limit, and the log row to complete. */
    public final class Permit implements AutoCloseable {
        private final TransferSlots.Slot slot;
        private final long bytesPerSecond;
        private final long downloadId;

        private Permit(TransferSlots.Slot slot, long bytesPerSecond, long downloadId) {
            this.slot = slot;
            this.bytesPerSecond = bytesPerSecond;
            this.downloadId = downloadId;
        }

        /** 0 = unlimited. */
        public long bytesPerSecond() {
            return bytesPerSecond;
        }

        public void finished(long bytesSent) {
            if (downloadId > 0) {
                downloads.finish(downloadId, bytesSent);
            }
        }

        @Override
        public void close() {
            slot.close();
        }
    }

    /**
     * Checks the limits and takes a slot; {@code newDownload} is false for a range that goes on
     * with a download already counted, so resuming never costs a second download.
     */
    public Permit admit(StoredFile file, Downloader who, boolean newDownload, boolean waitApplies, long bytes) {
        bans.banning(who.ip(), BanScope.DOWNLOAD).ifPresent(ban -> {
            throw new Refused(ban.scope().text(), 0);
        });
        AccountPackage pkg = who.pkg();
        if (pkg.maxDownloadFilesizeAllowed() > 0 && file.size() > pkg.maxDownloadFilesizeAllowed()) {
            throw new Refused(FILE_TOO_LARGE, 0);
        }
        long now = clock.millis();
        if (newDownload) {
            checkDailyUse(file, who, now, waitApplies);
        }
        TransferSlots.Slot slot = slots.tryAcquire(who.key(), pkg.concurrentDownloads())
                .orElseThrow(() -> new Refused(TOO_MANY, 10));
        long downloadId = newDownload ? downloads.start(file.id(), who.userId(), who.ip(), bytes, now) : 0;
        return new Permit(slot, pkg.downloadSpeed(), downloadId);
    }

    private void checkDailyUse(StoredFile file, Downloader who, long now, boolean waitApplies) {
        AccountPackage pkg = who.pkg();
        if (pkg.downloadsPer24Hours() <= 0 && pkg.downloadSizePer24Hours() <= 0
                && (!waitApplies || pkg.waitBetweenDownloads() <= 0)) {
            return;
        }
        DownloadRepository.Usage usage = downloads.usageSince(who.userId(), who.ip(), now - DAY.toMillis());
        if (pkg.downloadsPer24Hours() > 0 && usage.count() >= pkg.downloadsPer24Hours()) {
            throw new Refused(DAILY_COUNT, DAY.toSeconds());
        }
        if (pkg.downloadSizePer24Hours() > 0 && usage.bytes() + file.size() > pkg.downloadSizePer24Hours()) {
            throw new Refused(DAILY_BYTES, DAY.toSeconds());
        }
        if (waitApplies && pkg.waitBetweenDownloads() > 0) {
            long waitEnds = usage.lastStartedAt() + pkg.waitBetweenDownloads() * 1000;
            if (waitEnds > now) {
                throw new Refused(WAIT, Math.max(1, (waitEnds - now + 999) / 1000));
            }
        }
    }
}
