package dev.filehost.web;

import dev.filehost.admin.BanAdmin;
import dev.filehost.ban.Ban;
import dev.filehost.ban.BanScope;
import dev.filehost.core.Ids;
import dev.filehost.http.ApiDates;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Banned addresses and ranges: each kept from uploading, downloading or the whole site, for a time or for good. */
public final class AdminBansSection implements AdminSection {
    static final String PATH = AdminRoutes.ROOT + "/bans";
    private static final Map<String, String> DONE = Map.of("added", "The ban is in force.",
            "removed", "The ban was removed.");
    /** The expiries the form offers, as ISO-8601 durations; empty: until removed. */
    private static final List<String> EXPIRIES = List.of("", "Until removed", "PT1H", "1 hour", "P1D", "1 day",
            "P7D", "7 days", "P30D", "30 days", "P365D", "1 year");

    private final BanAdmin bans;
    private final ApiDates dates;
    private final Clock clock;

    public AdminBansSection(BanAdmin bans, ApiDates dates, Clock clock) {
        this.bans = bans;
        this.dates = dates;
        this.clock = clock;
    }

    private record Row(long id, String range, String scope, String note, String by, String since, String until,
                       boolean active) {
    }

    private record BansPage(List<Row> bans, List<AdminForms.Choice> scopes,
                            List<AdminForms.Choice> expiries, String range, String note, String notice,
                            String error) {
        boolean any() {
            return !bans.isEmpty();
        }
    }

    @Override
    public String title() {
        return "Bans";
    }

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public void register(AdminRouter router) {
        router.get(PATH, (ctx, call) -> show(router, ctx, 200, DONE.get(AdminForms.param(ctx, "done")), null));
        router.post(PATH, (ctx, call) -> router.act(ctx, PATH + "?done=added", () -> {
            BanScope scope = BanScope.parse(form(ctx, "scope"))
                    .orElseThrow(() -> new IllegalArgumentException("choose what the ban keeps the address from"));
            bans.add(call.actor(), form(ctx, "range"), scope, lasting(form(ctx, "expires")), form(ctx, "note"));
        }, reason -> show(router, ctx, 400, null, reason)));
        router.post(PATH + "/{id}/remove", (ctx, call) -> router.act(ctx, PATH + "?done=removed",
                () -> bans.remove(call.actor(), Ids.parse(ctx.pathParam("id"))
                        .orElseThrow(() -> new IllegalArgumentException("no such ban"))),
                reason -> show(router, ctx, 400, null, reason)));
    }

    private void show(AdminRouter router, Context ctx, int status, String notice, String error) {
        long now = clock.millis();
        List<Row> rows = bans.list().stream().map(ban -> row(ban, now)).toList();
        boolean posted = error != null;
        String scope = posted ? form(ctx, "scope") : BanScope.UPLOAD.value();
        String expires = posted ? form(ctx, "expires") : "";
        router.show(ctx, status, "admin_bans", new BansPage(rows,
                AdminForms.choices(scope, "upload", "Uploading", "download", "Downloading",
                        "site", "The whole site"),
                AdminForms.choices(expires, EXPIRIES.toArray(String[]::new)),
                posted ? form(ctx, "range") : "", posted ? form(ctx, "note") : "", notice, error));
    }

    private Row row(Ban ban, long now) {
        return new Row(ban.id(), ban.range().toString(), ban.scope().value(), ban.note(), ban.createdBy(),
                dates.format(ban.createdAt()), ban.expiresAt() == null ? "until removed" : dates.format(ban.expiresAt()),
                ban.isActive(now));
    }

    private static Duration lasting(String expires) {
        if (expires.isEmpty()) {
            return null;
        }
        try {
            return Duration.parse(expires);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("choose how long the ban lasts");
        }
    }

    private static String form(Context ctx, String name) {
        return Objects.requireNonNullElse(ctx.formParam(name), "").strip();
    }
}
