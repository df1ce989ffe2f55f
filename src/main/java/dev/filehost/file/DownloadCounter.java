package dev.filehost.file;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A file's download count as the original keeps it: by default one per address, file and day
 * (the operator's day), so that reloads and download managers do not inflate it; with
 * {@code uniqueOnly} off, every full download counts. The database decides, so every node agrees.
 */
public final class DownloadCounter {
    private final DownloadRepository downloads;
    private final FileRepository files;
    private final Clock clock;
    private final ZoneId zone;
    private final boolean uniqueOnly;

    public DownloadCounter(DownloadRepository downloads, FileRepository files, Clock clock, ZoneId zone,
                           boolean uniqueOnly) {
        this.downloads = downloads;
        this.files = files;
        this.clock = clock;
        this.zone = zone;
        this.uniqueOnly = uniqueOnly;
    }

    /** A download of the whole file from its first byte began. */
    void count(StoredFile file, String ip) {
        Instant now = clock.instant();
        boolean counts = !uniqueOnly || downloads.firstOfDay(file.id(), ip, LocalDate.ofInstant(now, zone).toString());
        files.recordDownload(file.id(), now.toEpochMilli(), counts);
    }
}
