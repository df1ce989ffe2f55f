package dev.filehost.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Raw setting values by key, layered: defaults &lt; config file &lt; FILEHOST_* environment.
 * Each key {@code filehost.a.b-c} has the environment name {@code FILEHOST_A_B_C}.
 */
public final class SettingSource {
    private final Map<String, String> values;
    private final Map<String, String> origins;

    private SettingSource(Map<String, String> values, Map<String, String> origins) {
        this.values = values;
        this.origins = origins;
    }

    public static SettingSource load(Optional<Path> configFile, Map<String, String> environment) {
        Map<String, String> values = new HashMap<>();
        Map<String, String> origins = new HashMap<>();
        configFile.ifPresent(file -> readFile(file, values, origins));
        for (String key : Settings.KEYS) {
            String fromEnv = environment.get(envName(key));
            if (fromEnv != null) {
                values.put(key, fromEnv);
                origins.put(key, envName(key));
            }
        }
        return new SettingSource(values, origins);
    }

    public static String envName(String key) {
        return Setting.envName(key);
    }

    private static void readFile(Path file, Map<String, String> values, Map<String, String> origins) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new SettingsException("Cannot read config file " + file + ": " + e.getMessage());
        }
        for (String key : properties.stringPropertyNames()) {
            if (!Settings.KEYS.contains(key)) {
                throw new SettingsException("Unknown setting " + key + " in config file " + file);
            }
            values.put(key, properties.getProperty(key));
            origins.put(key, key + " in " + file);
        }
    }

    Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key)).map(String::strip).filter(v -> !v.isEmpty());
    }

    /** Where a key's value came from, for error messages. */
    String origin(String key) {
        return origins.getOrDefault(key, key);
    }
}
