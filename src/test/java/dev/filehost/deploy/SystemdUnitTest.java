package dev.filehost.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.filehost.config.SettingSource;
import dev.filehost.config.Settings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The unit file operators copy from docs/systemd. */
class SystemdUnitTest {
    private static final Path UNIT = Path.of("docs/systemd/filehost.service");

    @Test
    void systemdAcceptsTheUnitWithoutAWarning() throws Exception {
        Path analyze = Path.of("/usr/bin/systemd-analyze");
        assumeTrue(Files.isExecutable(analyze), "systemd-analyze is not installed");
        Process verify = new ProcessBuilder(analyze.toString(), "verify", UNIT.toAbsolutePath().toString())
                .redirectErrorStream(true).start();
        String output = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(verify.waitFor()).as(output).isZero();
        assertThat(output).as("what systemd-analyze said about the unit").doesNotContain("filehost.service");
    }

    @Test
    void theUnitIsHardenedAndWaitsLongerThanTheServersGrace() throws Exception {
        List<String> lines = Files.readAllLines(UNIT);

        assertThat(lines).contains("NoNewPrivileges=yes", "ProtectSystem=strict", "PrivateTmp=yes",
                "ReadWritePaths=/var/lib/filehost", "Restart=on-failure", "SuccessExitStatus=143");
        Duration systemdWaits = Duration.ofSeconds(Long.parseLong(value(lines, "TimeoutStopSec")));
        Duration serverGrace = Settings.from(SettingSource.load(Optional.empty(), Map.of())).shutdownGrace();
        assertThat(systemdWaits).isGreaterThan(serverGrace);
    }

    private static String value(List<String> lines, String key) {
        return lines.stream().filter(line -> line.startsWith(key + "=")).findFirst().orElseThrow()
                .substring(key.length() + 1);
    }
}
