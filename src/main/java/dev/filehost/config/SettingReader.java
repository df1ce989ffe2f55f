package dev.filehost.config;

import java.util.Optional;

/** Reads typed values from a {@link SettingSource}, failing with one line that names the setting. */
final class SettingReader {
    private final SettingSource source;

    SettingReader(SettingSource source) {
        this.source = source;
    }

    /** The parsed value, or the setting's default when it is not given. */
    <T> T get(Setting<T> setting) {
        return given(setting).orElseGet(() -> setting.fallback().apply(this));
    }

    private <T> Optional<T> given(Setting<T> setting) {
        return source.get(setting.key()).map(text -> {
            try {
                return setting.parser().parse(text);
            } catch (ValueParser.BadValue problem) {
                throw new SettingsException("Invalid setting " + source.origin(setting.key()) + "='" + text + "': "
                        + problem.getMessage());
            }
        });
    }
}
