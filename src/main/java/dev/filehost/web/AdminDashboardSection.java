package dev.filehost.web;

import dev.filehost.admin.SiteTotals;
import dev.filehost.file.DailyCounts;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/** The panel's first page: the site's size and growth, the URL import queue, and this node's health. */
public final class AdminDashboardSection implements AdminSection {
    private static final int DAYS = 30;

    private final SiteTotals totals;
    private final DailyCounts daily;
    private final LongSupplier importQueue;
    private final Supplier<Map<String, Boolean>> health;

    /** {@code health} answers each dependency's name with whether it answered in time, as /health/ready asks. */
    public AdminDashboardSection(SiteTotals totals, DailyCounts daily, LongSupplier importQueue,
                                 Supplier<Map<String, Boolean>> health) {
        this.totals = totals;
        this.daily = daily;
        this.importQueue = importQueue;
        this.health = health;
    }

    private record Fact(String name, String value) {
    }

    private record Check(String name, boolean up) {
    }

    private record DashboardPage(List<Fact> facts, int days, long uploads, DayChart uploadChart, long downloads,
                                 DayChart downloadChart, boolean healthy, List<Check> checks) {
    }

    @Override
    public String title() {
        return "Dashboard";
    }

    @Override
    public String path() {
        return AdminRoutes.ROOT;
    }

    @Override
    public void register(AdminRouter router) {
        router.get(path(), (ctx, call) -> {
            SiteTotals.Totals now = totals.now();
            List<Fact> facts = List.of(
                    new Fact("Accounts", Long.toString(now.accounts())),
                    new Fact("Files", now.activeFiles() + " (and " + now.trashedFiles() + " in the trash)"),
                    new Fact("Stored", ByteSizes.human(now.storedBytes()) + ", each distinct content once"),
                    new Fact("Before deduplication", ByteSizes.human(now.fileBytes())),
                    new Fact("URL imports waiting", Long.toString(importQueue.getAsLong())));
            List<DailyCounts.DayCount> uploads = daily.siteUploads(DAYS);
            List<DailyCounts.DayCount> downloads = daily.siteDownloads(DAYS);
            List<Check> checks = health.get().entrySet().stream().map(e -> new Check(e.getKey(), e.getValue())).toList();
            router.show(ctx, 200, "admin_dashboard", new DashboardPage(facts, DAYS, sum(uploads),
                    DayChart.of(uploads, "upload", "uploads"), sum(downloads),
                    DayChart.of(downloads, "download", "downloads"), checks.stream().allMatch(Check::up), checks));
        });
    }

    private static long sum(List<DailyCounts.DayCount> days) {
        return days.stream().mapToLong(DailyCounts.DayCount::count).sum();
    }
}
