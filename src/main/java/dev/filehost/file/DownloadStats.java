package dev.filehost.file;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A file's downloads per day, days as the operator's time zone has them (23 or 25 hours at DST),
 * counted as the file's download count is (see {@link DownloadCounter}).
 */
public final class DownloadStats {
    private final DownloadRepository downloads;
    private final Clock clock;
    private final ZoneId zone;
    private final boolean uniqueAddresses;

    public DownloadStats(DownloadRepository downloads, Clock clock, ZoneId zone, boolean uniqueAddresses) {
        this.downloads = downloads;
        this.clock = clock;
        this.zone = zone;
        this.uniqueAddresses = uniqueAddresses;
    }

    public record DayCount(LocalDate day, long downloads) {
    }

    /** The last {@code days} days up to today, oldest first, days without downloads included. */
    public List<DayCount> lastDays(StoredFile file, int days) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        LocalDate first = today.minusDays(days - 1L);
        long[] starts = new long[days];
        for (int i = 0; i < days; i++) {
            starts[i] = startOf(first.plusDays(i));
        }
        long[] counts = downloads.countsPerPeriod(file.id(), starts, startOf(today.plusDays(1)), uniqueAddresses);
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
