package dev.filehost.web;

import dev.filehost.admin.AuditEntry;
import dev.filehost.admin.AuditLog;
import dev.filehost.http.ApiDates;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** Every admin action, from the panel or the CLI, newest first: who, from where, when, on what, what changed. */
public final class AdminAuditSection implements AdminSection {
    static final String PATH = AdminRoutes.ROOT + "/audit";

    private final AuditLog audit;
    private final ApiDates dates;
    private final ZoneId zone;

    public AdminAuditSection(AuditLog audit, ApiDates dates, ZoneId zone) {
        this.audit = audit;
        this.dates = dates;
        this.zone = zone;
    }

    private record Row(String at, String actor, String address, String action, String target, String change) {
    }

    private record AuditPage(String actor, String action, String from, String to, List<Row> entries,
                             PageLinks pages, String error) {
        boolean any() {
            return !entries.isEmpty();
        }
    }

    @Override
    public String title() {
        return "Audit log";
    }

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public void register(AdminRouter router) {
        router.get(PATH, (ctx, call) -> show(router, ctx));
    }

    private void show(AdminRouter router, Context ctx) {
        List<Row> rows = List.of();
        PageLinks pages = PageLinks.of(ctx, 1, false);
        String error = null;
        try {
            LocalDate from = AdminForms.day(ctx, "from");
            LocalDate to = AdminForms.day(ctx, "to");
            AuditLog.Found found = audit.find(new AuditLog.Query(AdminForms.param(ctx, "actor"),
                    AdminForms.param(ctx, "action"), from == null ? null : from.atStartOfDay(zone).toInstant(),
                    to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant(), AdminForms.page(ctx)));
            rows = found.entries().stream().map(this::row).toList();
            pages = PageLinks.of(ctx, found.page(), found.hasMore());
        } catch (IllegalArgumentException e) {
            error = e.getMessage();
        }
        router.show(ctx, error == null ? 200 : 400, "admin_audit", new AuditPage(AdminForms.param(ctx, "actor"),
                AdminForms.param(ctx, "action"), AdminForms.param(ctx, "from"),
                AdminForms.param(ctx, "to"), rows, pages, error));
    }

    private Row row(AuditEntry entry) {
        return new Row(dates.format(entry.at()), entry.actor(), entry.address(), entry.action(), entry.target(),
                entry.change());
    }
}
