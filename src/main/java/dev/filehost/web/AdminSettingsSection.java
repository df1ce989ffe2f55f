package dev.filehost.web;

import dev.filehost.admin.SiteAdmin;
import dev.filehost.config.ConfiguredSetting;
import dev.filehost.site.SiteSetting;
import dev.filehost.site.SiteSettings;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The settings an operator changes while the site runs (kept in the database, in force on every node within
 * seconds), and beside them, read-only, those the environment or config file gave at start-up, secrets masked.
 */
public final class AdminSettingsSection implements AdminSection {
    static final String PATH = AdminRoutes.ROOT + "/settings";
    private static final Map<String, String> DONE = Map.of("saved", "Saved. Every node applies the change within "
            + SiteSettings.REFRESH.toSeconds() + " seconds.");

    private final SiteAdmin site;
    private final List<ConfiguredSetting> configured;

    public AdminSettingsSection(SiteAdmin site, List<ConfiguredSetting> configured) {
        this.site = site;
        this.configured = List.copyOf(configured);
    }

    private record SettingsPage(String siteName, List<AdminForms.Choice> registration,
                                List<AdminForms.Choice> uploads, List<AdminForms.Choice> maintenance,
                                String maintenanceMessage, List<String> fromDatabase,
                                List<ConfiguredSetting> configured, String notice, String error) {
        boolean anyFromDatabase() {
            return !fromDatabase.isEmpty();
        }
    }

    @Override
    public String title() {
        return "Settings";
    }

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public void register(AdminRouter router) {
        router.get(PATH, (ctx, call) -> show(router, ctx, 200, DONE.get(AdminForms.param(ctx, "done")), null));
        router.post(PATH, (ctx, call) -> {
            Map<String, String> current = current();
            router.act(ctx, PATH + "?done=saved", () -> {
                for (SiteSetting setting : SiteSetting.values()) {
                    String sent = ctx.formParam(setting.key());
                    if (sent != null && !sent.strip().equals(current.get(setting.key()))) {
                        site.set(call.actor(), setting.key(), sent);
                    }
                }
            }, reason -> show(router, ctx, 400, null, reason));
        });
    }

    private Map<String, String> current() {
        return site.show().stream().collect(Collectors.toMap(SiteSettings.Shown::key, SiteSettings.Shown::value));
    }

    private void show(AdminRouter router, Context ctx, int status, String notice, String error) {
        Map<String, SiteSettings.Shown> shown = site.show().stream()
                .collect(Collectors.toMap(SiteSettings.Shown::key, Function.identity()));
        Function<SiteSetting, String> value = setting -> shown.get(setting.key()).value();
        List<String> fromDatabase = shown.values().stream().filter(SiteSettings.Shown::setInDatabase)
                .map(SiteSettings.Shown::key).sorted().toList();
        router.show(ctx, status, "admin_settings", new SettingsPage(value.apply(SiteSetting.SITE_NAME),
                AdminForms.choices(value.apply(SiteSetting.REGISTRATION), "open", "Open", "closed", "Closed"),
                AdminForms.choices(value.apply(SiteSetting.UPLOADS), "on", "On", "off", "Off"),
                AdminForms.choices(value.apply(SiteSetting.MAINTENANCE), "off", "Off", "on", "On"),
                value.apply(SiteSetting.MAINTENANCE_MESSAGE), fromDatabase, configured, notice, error));
    }
}
