package dev.filehost.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The README's settings table names every setting declared in {@link SettingKeys}, each with its environment name. */
class SettingsTableTest {
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    @Test
    void theReadmeListsEverySettingWithItsEnvironmentName() throws IOException {
        Map<String, String> envNames = SettingKeys.all().stream().collect(Collectors.toMap(Setting::key, Setting::envName));
        Set<String> documented = new TreeSet<>();
        for (String row : settingsRows()) {
            String[] cells = row.split("\\|");
            List<String> keys = codes(cells[1]);
            assertThat(codes(cells[2])).as(row).isEqualTo(keys.stream().map(envNames::get).toList());
            documented.addAll(keys);
        }
        assertThat(documented).isEqualTo(new TreeSet<>(envNames.keySet()));
    }

    private static List<String> settingsRows() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String section = readme.substring(readme.indexOf("\n## Settings\n"));
        section = section.substring(0, section.indexOf("\n## ", 1));
        return section.lines().filter(line -> line.startsWith("| `filehost.")).toList();
    }

    private static List<String> codes(String cell) {
        List<String> found = new ArrayList<>();
        Matcher code = CODE.matcher(cell);
        while (code.find()) {
            found.add(code.group(1));
        }
        return found;
    }
}
