package dev.filehost.site;

import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/** SQL for the site settings an operator set: name to value. */
public final class SiteSettingRepository {
    private final Jdbi jdbi;

    public SiteSettingRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Map<String, String> all() {
        return jdbi.withHandle(h -> h.createQuery("SELECT name, setting_value FROM site_settings")
                .map((rs, ctx) -> Map.entry(rs.getString("name"), rs.getString("setting_value")))
                .stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    public void put(String name, String value, long now) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO site_settings (name, setting_value, updated_at) VALUES (:name, :value, :now)
                        ON CONFLICT (name) DO UPDATE SET setting_value = :value, updated_at = :now""")
                .bind("name", name).bind("value", value).bind("now", now).execute());
    }
}
