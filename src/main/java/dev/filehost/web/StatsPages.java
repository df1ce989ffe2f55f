package dev.filehost.web;

import dev.filehost.file.DownloadStats;
import dev.filehost.file.StoredFile;
import io.javalin.http.Context;
import java.util.List;

/** The stats page ("~s"): total downloads and a chart of the last days. */
public final class StatsPages {
    private static final int DAYS = 30;

    private final DownloadStats stats;
    private final FileSummaries summaries;
    private final Templates templates;

    public StatsPages(DownloadStats stats, FileSummaries summaries, Templates templates) {
        this.stats = stats;
        this.summaries = summaries;
        this.templates = templates;
    }

    private record StatsPage(FileSummary file, int days, long recentDownloads, DownloadChart chart) {
    }

    void stats(Context ctx, StoredFile file) {
        List<DownloadStats.DayCount> days = stats.lastDays(file, DAYS);
        long recent = days.stream().mapToLong(DownloadStats.DayCount::downloads).sum();
        templates.send(ctx, 200, "stats", new StatsPage(summaries.of(file), DAYS, recent, DownloadChart.of(days)));
    }
}
