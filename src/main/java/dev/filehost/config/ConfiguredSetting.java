package dev.filehost.config;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One start-up setting as an operator may see it while the site runs: its value and where it came from
 * (the environment, the config file, or the default). Secrets never leave the server: only whether they are set.
 */
public record ConfiguredSetting(String key, String envName, String value, String origin) {
    public static final String SECRET_SET = "(secret, set)";
    public static final String SECRET_UNSET = "(not set)";
    private static final Set<String> SECRETS = Set.of(SettingKeys.DB_PASSWORD.key(), SettingKeys.S3_ACCESS_KEY.key(),
            SettingKeys.S3_SECRET_KEY.key(), SettingKeys.SMTP_PASSWORD.key(), SettingKeys.METRICS_TOKEN.key());
    /** A database URL may carry a password among its parameters. */
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");

    /** Every declared setting in declaration order. */
    static List<ConfiguredSetting> all(SettingSource source, SettingReader reader) {
        return SettingKeys.all().stream().map(setting -> of(setting, source, reader)).toList();
    }

    private static ConfiguredSetting of(Setting<?> setting, SettingSource source, SettingReader reader) {
        Optional<String> given = source.get(setting.key());
        String value = given.orElseGet(() -> defaultText(setting, reader));
        if (SECRETS.contains(setting.key())) {
            value = given.isPresent() ? SECRET_SET : SECRET_UNSET;
        } else {
            value = URL_PASSWORD.matcher(value).replaceAll("$1" + SECRET_SET);
        }
        return new ConfiguredSetting(setting.key(), setting.envName(), value,
                given.isEmpty() ? "default"
                        : source.origin(setting.key()).equals(setting.envName()) ? "environment" : "config file");
    }

    private static String defaultText(Setting<?> setting, SettingReader reader) {
        try {
            return text(setting.fallback().apply(reader));
        } catch (SettingsException notNeeded) {
            return "";
        }
    }

    private static String text(Object value) {
        return switch (value) {
            case Optional<?> optional -> optional.map(ConfiguredSetting::text).orElse("");
            case Collection<?> values -> values.stream().map(ConfiguredSetting::text).collect(Collectors.joining(","));
            default -> String.valueOf(value);
        };
    }
}
