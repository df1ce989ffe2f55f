package dev.filehost.cli;

import dev.filehost.app.Components;
import dev.filehost.config.SettingSource;
import dev.filehost.config.Settings;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The --config option every command shares, and the settings it leads to. */
public final class ConfigOption {
    @Option(names = "--config", paramLabel = "FILE",
            description = "Properties file with filehost.* settings (default: $FILEHOST_CONFIG if set). "
                    + "FILEHOST_* environment variables override it.")
    Path configFile;

    public Settings settings() {
        Optional<Path> file = Optional.ofNullable(configFile)
                .or(() -> Optional.ofNullable(System.getenv("FILEHOST_CONFIG")).filter(s -> !s.isBlank()).map(Path::of));
        return Settings.from(SettingSource.load(file, System.getenv()));
    }

    public Components components() {
        return Components.open(settings(), Clock.systemUTC());
    }
}
