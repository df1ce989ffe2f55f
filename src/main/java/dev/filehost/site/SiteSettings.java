package dev.filehost.site;

import dev.filehost.core.CachedValue;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The settings an operator changes while the site runs. The config file and environment give the defaults;
 * a value set here (kept in the database) overrides them on every node. Each node reads them again at most
 * every {@link #REFRESH}, so a request reads memory only.
 */
public final class SiteSettings {
    public static final Duration REFRESH = Duration.ofSeconds(5);
    public static final String DEFAULT_MAINTENANCE_MESSAGE =
            "The site is down for maintenance. Please try again later.";

    /** The values in force. */
    public record Current(String siteName, boolean uploadsEnabled, boolean registrationOpen, boolean maintenance,
                          String maintenanceMessage) {
    }

    /** One setting as the operator sees it: its value and whether the database set it. */
    public record Shown(String key, String value, boolean setInDatabase) {
    }

    /** What a change did. */
    public record Change(String key, String before, String after) {
    }

    private final SiteSettingRepository repository;
    private final Map<SiteSetting, String> defaults;
    private final Clock clock;
    private final CachedValue<Map<String, String>> stored;

    /** The defaults come from the config file and environment. */
    public SiteSettings(SiteSettingRepository repository, String siteName, boolean uploadsEnabled,
                        boolean registrationOpen, Clock clock) {
        this.repository = repository;
        this.clock = clock;
        this.defaults = new EnumMap<>(Map.of(
                SiteSetting.SITE_NAME, siteName,
                SiteSetting.UPLOADS, uploadsEnabled ? "on" : "off",
                SiteSetting.REGISTRATION, registrationOpen ? "open" : "closed",
                SiteSetting.MAINTENANCE, "off",
                SiteSetting.MAINTENANCE_MESSAGE, DEFAULT_MAINTENANCE_MESSAGE));
        this.stored = new CachedValue<>(repository::all, REFRESH, clock);
    }

    public Current current() {
        return new Current(value(SiteSetting.SITE_NAME), value(SiteSetting.UPLOADS).equals("on"),
                value(SiteSetting.REGISTRATION).equals("open"), value(SiteSetting.MAINTENANCE).equals("on"),
                value(SiteSetting.MAINTENANCE_MESSAGE));
    }

    /**
     * The site's name for every page, the error pages too: the default while the database cannot say
     * (the page that met the fault reports it).
     */
    public String siteName() {
        try {
            return value(SiteSetting.SITE_NAME);
        } catch (RuntimeException databaseUnavailable) {
            return defaults.get(SiteSetting.SITE_NAME);
        }
    }

    public List<Shown> show() {
        Map<String, String> set = repository.all();
        return Arrays.stream(SiteSetting.values())
                .map(setting -> new Shown(setting.key(), set.getOrDefault(setting.key(), defaults.get(setting)),
                        set.containsKey(setting.key())))
                .toList();
    }

    public Change set(String key, String value) {
        SiteSetting setting = SiteSetting.byKey(key).orElseThrow(() -> new IllegalArgumentException(
                "unknown setting '" + key + "'; settings are " + String.join(", ",
                        Arrays.stream(SiteSetting.values()).map(SiteSetting::key).toList())));
        String checked = setting.checked(value);
        String before = repository.all().getOrDefault(key, defaults.get(setting));
        repository.put(key, checked, clock.millis());
        stored.invalidate();
        return new Change(key, before, checked);
    }

    private String value(SiteSetting setting) {
        return stored.get().getOrDefault(setting.key(), defaults.get(setting));
    }
}
