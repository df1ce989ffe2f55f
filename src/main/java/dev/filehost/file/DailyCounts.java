package dev.filehost.file;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts per day for charts: a file's downloads (counted as its download count is, see {@link DownloadCounter}),
 * and the whole site's downloads and uploads. Days are the operator's time zone's (23 or 25 hours at DST).
 */
public final class DailyCounts {
    private final DownloadRepository downloads;
    private final FileRepository files;
    private final Clock clock;
    private final ZoneId zone;
    private final boolean uniqueAddresses;

    public DailyCounts(DownloadRepository downloads, FileRepository files, Clock clock, ZoneId zone,
                       boolean uniqueAddresses) {
        this.downloads = downloads;
        this.files = files;
        this.clock = clock;
        this.zone = zone;
        this.uniqueAddresses = uniqueAddresses;
    }

    public record DayCount(LocalDate day, long count) {
    }

    /** How a count runs over consecutive periods (see {@link dev.filehost.db.PeriodCounts}). */
    @FunctionalInterface
    private interface PerPeriod {
        long[] count(long[] starts, long end);
    }

    /** The file's downloads on the last {@code days} days up to today, oldest first, days without any included. */
    public List<DayCount> downloads(StoredFile file, int days) {
        return lastDays(days, (starts, end) -> downloads.countsPerPeriod(file.id(), starts, end, uniqueAddresses));
    }

    /** Every download the site served on each of the last {@code days} days. */
    public List<DayCount> siteDownloads(int days) {
        return lastDays(days, (starts, end) -> downloads.countsPerPeriod(null, starts, end, false));
    }

    /** The files uploaded on each of the last {@code days} days, whatever became of them since. */
    public List<DayCount> siteUploads(int days) {
        return lastDays(days, files::countsCreatedPerPeriod);
    }

    private List<DayCount> lastDays(int days, PerPeriod perPeriod) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        LocalDate first = today.minusDays(days - 1L);
        long[] starts = new long[days];
        for (int i = 0; i < days; i++) {
            starts[i] = startOf(first.plusDays(i));
        }
        long[] counts = perPeriod.count(starts, startOf(today.plusDays(1)));
        List<DayCount> result = new ArrayList<>(days);
        for (int i = 0; i < days; i++) {
            result.add(new DayCount(first.plusDays(i), counts[i]));
        }
        return result;
    }

    private long startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant().toEpochMilli();
    }
}
