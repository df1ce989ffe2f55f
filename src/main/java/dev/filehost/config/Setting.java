package dev.filehost.config;

import java.util.Locale;
import java.util.function.Function;

/**
 * One setting, declared once in {@link SettingKeys}: its key (the environment name follows from it),
 * its default, and the parser that turns its text into a value or names the problem.
 *
 * @param fallback the value when the setting is not given; may depend on settings declared before it
 */
record Setting<T>(String key, Function<SettingReader, T> fallback, ValueParser<T> parser) {

    String envName() {
        return envName(key);
    }

    /** {@code filehost.a.b-c} is {@code FILEHOST_A_B_C}. */
    static String envName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
