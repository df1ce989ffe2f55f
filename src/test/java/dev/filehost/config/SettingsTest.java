package dev.filehost.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
    @TempDir
    Path dir;

    @Test
    void defaultsAreTheEmbeddedSetup() {
        Settings settings = Settings.from(SettingSource.load(Optional.empty(), Map.of()));

        assertThat(settings.port()).isEqualTo(8080);
        assertThat(settings.dataDir()).isEqualTo(Path.of("./data"));
        assertThat(settings.dbUrl()).isEqualTo("jdbc:sqlite:" + Path.of("./data").resolve("filehost.db"));
        assertThat(settings.usesPostgres()).isFalse();
        assertThat(settings.publicUrl()).isEqualTo("http://localhost:8080");
        assertThat(settings.timezone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(settings.tokenIdleTimeout()).isEqualTo(Duration.ofHours(1));
        assertThat(settings.lockoutAttempts()).isEqualTo(5);
        assertThat(settings.accountLockoutAttempts()).isEqualTo(50);
        assertThat(settings.failedLoginsPerMinute()).isEqualTo(20);
        assertThat(settings.httpStatusCodes()).isFalse();
        assertThat(settings.passwordLogin()).isTrue();
        assertThat(settings.jobsPeriod()).isEqualTo(Duration.ofMinutes(10));
        assertThat(settings.listingCacheBytes()).isEqualTo(16L << 20);
        assertThat(load(Map.of("FILEHOST_LISTING_CACHE_MB", "0")).listingCacheBytes()).isZero();
    }

    @Test
    void environmentOverridesTheConfigFileWhichOverridesDefaults() throws IOException {
        Path file = dir.resolve("filehost.properties");
        Files.writeString(file, "filehost.port=9000\nfilehost.public-url=https://files.example.com/\n"
                + "filehost.data=/srv/files\n");

        Settings settings = Settings.from(SettingSource.load(Optional.of(file), Map.of("FILEHOST_PORT", "9100")));

        assertThat(settings.port()).isEqualTo(9100);
        assertThat(settings.publicUrl()).isEqualTo("https://files.example.com");
        assertThat(settings.dbUrl()).isEqualTo("jdbc:sqlite:" + Path.of("/srv/files").resolve("filehost.db"));
    }

    @Test
    void signInLimitsComeFromTheirSettings() {
        Settings settings = load(Map.of("FILEHOST_AUTH_ACCOUNT_LOCKOUT_ATTEMPTS", "200",
                "FILEHOST_AUTH_FAILED_LOGINS_PER_MINUTE", "0"));

        assertThat(settings.accountLockoutAttempts()).isEqualTo(200);
        assertThat(settings.failedLoginsPerMinute()).isZero();
        assertThatThrownBy(() -> load(Map.of("FILEHOST_AUTH_FAILED_LOGINS_PER_MINUTE", "-1")))
                .hasMessage("Invalid setting FILEHOST_AUTH_FAILED_LOGINS_PER_MINUTE='-1': must be between 0 and 1000000");
    }

    @Test
    void aPostgresUrlSelectsPostgres() {
        Settings settings = Settings.from(SettingSource.load(Optional.empty(),
                Map.of("FILEHOST_DB_URL", "jdbc:postgresql://db/filehost")));

        assertThat(settings.usesPostgres()).isTrue();
    }

    @Test
    void badValuesStopWithOneLineNamingTheSetting() {
        assertThatThrownBy(() -> load(Map.of("FILEHOST_PORT", "eighty")))
                .isInstanceOf(SettingsException.class)
                .hasMessage("Invalid setting FILEHOST_PORT='eighty': is not a whole number");
        assertThatThrownBy(() -> load(Map.of("FILEHOST_PORT", "70000")))
                .hasMessage("Invalid setting FILEHOST_PORT='70000': must be between 0 and 65535");
        assertThatThrownBy(() -> load(Map.of("FILEHOST_TIMEZONE", "Mars/Olympus")))
                .hasMessage("Invalid setting FILEHOST_TIMEZONE='Mars/Olympus': is not a known time zone");
        assertThatThrownBy(() -> load(Map.of("FILEHOST_PUBLIC_URL", "ftp://x")))
                .hasMessage("Invalid setting FILEHOST_PUBLIC_URL='ftp://x': must be an http:// or https:// URL");
        assertThatThrownBy(() -> load(Map.of("FILEHOST_DB_URL", "jdbc:mysql://x")))
                .hasMessageContaining("FILEHOST_DB_URL");
        assertThatThrownBy(() -> load(Map.of("FILEHOST_API_HTTP_STATUS_CODES", "maybe")))
                .hasMessage("Invalid setting FILEHOST_API_HTTP_STATUS_CODES='maybe': must be true or false");
    }

    @Test
    void unknownKeysInTheConfigFileAreRefused() throws IOException {
        Path file = dir.resolve("filehost.properties");
        Files.writeString(file, "filehost.prot=9000\n");

        assertThatThrownBy(() -> SettingSource.load(Optional.of(file), Map.of()))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("filehost.prot");
    }

    @Test
    void eachKeyHasTheMatchingEnvironmentName() {
        assertThat(SettingSource.envName("filehost.public-url")).isEqualTo("FILEHOST_PUBLIC_URL");
        assertThat(SettingSource.envName("filehost.auth.token-idle-minutes")).isEqualTo("FILEHOST_AUTH_TOKEN_IDLE_MINUTES");
    }

    private static Settings load(Map<String, String> env) {
        return Settings.from(SettingSource.load(Optional.empty(), env));
    }
}
