package dev.filehost.web;

import dev.filehost.admin.AbuseReport;
import dev.filehost.admin.AbuseReports;
import dev.filehost.admin.FileAdmin;
import dev.filehost.admin.ReportStatus;
import dev.filehost.core.Ids;
import dev.filehost.file.FileLinks;
import dev.filehost.file.StoredFile;
import dev.filehost.http.ApiDates;
import io.javalin.http.Context;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;

/** The abuse report queue, open reports first: the admin removes the reported file to the trash or dismisses. */
public final class AdminReportsSection implements AdminSection {
    static final String PATH = AdminRoutes.ROOT + "/reports";
    private static final Map<String, String> DONE = Map.of(
            "removed", "The file went to the trash; its page now says it was removed after a report.",
            "dismissed", "The report was dismissed; the file stays.");

    private final AbuseReports reports;
    private final FileAdmin files;
    private final FileLinks links;
    private final ApiDates dates;

    public AdminReportsSection(AbuseReports reports, FileAdmin files, FileLinks links, ApiDates dates) {
        this.reports = reports;
        this.files = files;
        this.links = links;
        this.dates = dates;
    }

    private record Row(long id, String fileName, String fileUrl, String reason, String email, String details,
                       String address, String filed, String status, boolean open, String resolvedBy) {
    }

    private record ReportsPage(List<Row> reports, long openCount, String notice, String error) {
    }

    @Override
    public String title() {
        return "Reports";
    }

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public void register(AdminRouter router) {
        router.get(PATH, (ctx, call) -> show(router, ctx, 200, DONE.get(AdminForms.param(ctx, "done")), null));
        router.post(PATH + "/{id}/remove", (ctx, call) ->
                act(router, ctx, "removed", id -> reports.remove(call.actor(), id)));
        router.post(PATH + "/{id}/dismiss", (ctx, call) ->
                act(router, ctx, "dismissed", id -> reports.dismiss(call.actor(), id)));
    }

    private void act(AdminRouter router, Context ctx, String done, LongConsumer action) {
        Optional<Long> id = Ids.parse(ctx.pathParam("id"));
        router.act(ctx, PATH + "?done=" + done,
                () -> action.accept(id.orElseThrow(() -> new IllegalArgumentException("no such report"))),
                reason -> show(router, ctx, 400, null, reason));
    }

    private void show(AdminRouter router, Context ctx, int status, String notice, String error) {
        List<AbuseReport> all = reports.list(null).stream()
                .sorted(Comparator.comparing((AbuseReport r) -> r.status() != ReportStatus.OPEN)
                        .thenComparing(r -> r.status() == ReportStatus.OPEN ? r.createdAt() : -r.createdAt()))
                .toList();
        Map<Long, StoredFile> byId = files.byId(all.stream().map(AbuseReport::fileId).toList());
        List<Row> rows = all.stream().map(report -> row(report, byId.get(report.fileId()))).toList();
        long open = all.stream().filter(report -> report.status() == ReportStatus.OPEN).count();
        router.show(ctx, status, "admin_reports", new ReportsPage(rows, open, notice, error));
    }

    private Row row(AbuseReport report, StoredFile file) {
        return new Row(report.id(), file == null ? "file " + report.fileId() : file.name(),
                file == null ? null : links.page(file), report.reason(), report.reporterEmail(), report.details(),
                report.reporterIp(), dates.format(report.createdAt()), report.status().value(),
                report.status() == ReportStatus.OPEN, report.resolvedBy());
    }
}
