package dev.filehost.web;

import dev.filehost.admin.ImportAdmin;
import dev.filehost.core.Ids;
import dev.filehost.http.ApiDates;
import dev.filehost.urlimport.ImportItem;
import dev.filehost.urlimport.ImportStatus;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The URL import queue of every account, newest first, filtered by status; unfinished items can be cancelled. */
public final class AdminImportsSection implements AdminSection {
    static final String PATH = AdminRoutes.ROOT + "/imports";
    static final int SHOWN = 200;
    private static final Map<String, String> DONE = Map.of("cancelled", "The import was cancelled.");
    private static final Set<ImportStatus> UNFINISHED =
            EnumSet.of(ImportStatus.PENDING, ImportStatus.DOWNLOADING, ImportStatus.PROCESSING);

    private final ImportAdmin imports;
    private final ApiDates dates;

    public AdminImportsSection(ImportAdmin imports, ApiDates dates) {
        this.imports = imports;
        this.dates = dates;
    }

    private record Row(long id, long userId, String url, String status, String downloaded, String added,
                       String notes, boolean cancellable) {
    }

    private record ImportsPage(List<AdminForms.Choice> statuses, List<Row> items, String notice,
                               String error) {
        boolean any() {
            return !items.isEmpty();
        }
    }

    @Override
    public String title() {
        return "URL imports";
    }

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public void register(AdminRouter router) {
        router.get(PATH, (ctx, call) -> show(router, ctx, 200, DONE.get(AdminForms.param(ctx, "done")), null));
        router.post(PATH + "/{id}/cancel", (ctx, call) -> router.act(ctx, PATH + "?done=cancelled",
                () -> imports.cancel(call.actor(), Ids.parse(ctx.pathParam("id"))
                        .orElseThrow(() -> new IllegalArgumentException("no such import"))),
                reason -> show(router, ctx, 400, null, reason)));
    }

    private void show(AdminRouter router, Context ctx, int status, String notice, String error) {
        String wanted = AdminForms.param(ctx, "status");
        ImportStatus only = ImportStatus.named(wanted).orElse(null);
        List<String> choices = new ArrayList<>(List.of("", "Every status"));
        for (ImportStatus each : ImportStatus.values()) {
            choices.add(each.value());
            choices.add(each.value());
        }
        List<Row> rows = imports.recent(only, SHOWN).stream().map(this::row).toList();
        router.show(ctx, status, "admin_imports", new ImportsPage(
                AdminForms.choices(only == null ? "" : only.value(), choices.toArray(String[]::new)), rows,
                notice, error));
    }

    private Row row(ImportItem item) {
        String downloaded = ByteSizes.human(item.downloadedSize())
                + (item.totalSize() == null ? "" : " of " + ByteSizes.human(item.totalSize()));
        return new Row(item.id(), item.userId(), item.url(), item.status().value(), downloaded,
                dates.format(item.createdAt()), item.notes(), UNFINISHED.contains(item.status()));
    }
}
