package dev.filehost.web;

import dev.filehost.file.DailyCounts;
import dev.filehost.file.StoredFile;
import io.javalin.http.Context;
import java.util.List;

/** The stats page ("~s"): total downloads and a chart of the last days. */
public final class StatsPages {
    private static final int DAYS = 30;

    private final DailyCounts stats;
    private final FileSummaries summaries;
    private final Templates templates;

    public StatsPages(DailyCounts stats, FileSummaries summaries, Templates templates) {
        this.stats = stats;
        this.summaries = summaries;
        this.templates = templates;
    }

    private record StatsPage(FileSummary file, int days, long recentDownloads, DayChart chart) {
    }

    void stats(Context ctx, StoredFile file) {
        List<DailyCounts.DayCount> days = stats.downloads(file, DAYS);
        long recent = days.stream().mapToLong(DailyCounts.DayCount::count).sum();
        templates.send(ctx, 200, "stats", new StatsPage(summaries.of(file), DAYS, recent,
                DayChart.of(days, "download", "downloads")));
    }
}
