package dev.filehost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.filehost.support.ApiClient;
import dev.filehost.support.Cli;
import dev.filehost.support.Cli.Run;
import dev.filehost.support.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin CLI, run in-process against a config file, while a server runs on the same data. */
class CliTest {
    @TempDir
    Path dir;

    private Run cli(Path config, String... args) {
        String[] withConfig = new String[args.length + 2];
        System.arraycopy(args, 0, withConfig, 0, args.length);
        withConfig[args.length] = "--config";
        withConfig[args.length + 1] = config.toString();
        return Cli.run(withConfig);
    }

    private Path configFor(TestServer server) throws IOException {
        Path config = dir.resolve("filehost.properties");
        Files.writeString(config, "filehost.data=" + server.settings().dataDir() + "\n"
                + "filehost.db-url=" + server.settings().dbUrl() + "\n"
                + "filehost.db-user=" + server.settings().dbUser() + "\n");
        return config;
    }

    @Test
    void userAddWithKeysPrintsJsonThatSignsIn() throws Exception {
        try (TestServer server = TestServer.start("sqlite")) {
            Run run = cli(configFor(server), "user", "add", "carol", "--password", "s3cret-pass",
                    "--email", "carol@example.test", "--package", "Premium Account", "--api-keys", "--json");

            assertThat(run.exitCode()).as(run.err()).isZero();
            JsonNode json = new ObjectMapper().readTree(run.out());
            assertThat(json.fieldNames()).toIterable().containsExactly("account_id", "username", "key1", "key2");
            assertThat(json.path("username").asText()).isEqualTo("carol");
            var reply = server.client().post("authorize",
                    ApiClient.params("key1", json.path("key1").asText(), "key2", json.path("key2").asText()));
            assertThat(reply.isSuccess()).isTrue();
            assertThat(reply.data().path("account_id").asText()).isEqualTo(json.path("account_id").asText());
        }
    }

    @Test
    void userKeysReplacesThePairAndUserSetChangesFields() throws Exception {
        try (TestServer server = TestServer.start("postgresql")) {
            Path config = configFor(server);
            assertThat(cli(config, "user", "add", "dave", "--password", "first-pass").exitCode()).isZero();

            Run keys = cli(config, "user", "keys", "dave", "--json");
            JsonNode pair = new ObjectMapper().readTree(keys.out());
            assertThat(server.client().post("authorize", ApiClient.params("key1", pair.path("key1").asText(),
                    "key2", pair.path("key2").asText())).isSuccess()).isTrue();

            Run set = cli(config, "user", "set", "dave", "password=second-pass", "package=2", "email=d@example.test",
                    "storageLimitOverride=1000");
            assertThat(set.exitCode()).as(set.err()).isZero();
            assertThat(server.client().post("authorize", ApiClient.params("username", "dave", "password", "second-pass"))
                    .isSuccess()).isTrue();

            Run list = cli(config, "user", "list");
            assertThat(list.out()).contains("dave").contains("d@example.test").contains("admin");
        }
    }

    @Test
    void packageSetChangesWhatTheApiShows() throws Exception {
        try (TestServer server = TestServer.start("sqlite")) {
            Path config = configFor(server);
            Run set = cli(config, "package", "set", "Free Account", "max_upload_size=12345", "can_upload=0");
            assertThat(set.exitCode()).as(set.err()).isZero();
            assertThat(set.out()).contains("max_upload_size                12345");

            Run list = cli(config, "package", "list");
            assertThat(list.out()).contains("Premium Account").contains("12345");
        }
    }

    @Test
    void mistakesEndWithOneLineAndExitCode2() throws Exception {
        try (TestServer server = TestServer.start("sqlite")) {
            Path config = configFor(server);

            Run unknownField = cli(config, "package", "set", "1", "bogus=1");
            assertThat(unknownField.exitCode()).isEqualTo(2);
            assertThat(unknownField.err().strip()).isEqualTo("filehost: unknown field 'bogus'");

            Run badValue = cli(config, "package", "set", "1", "max_upload_size=-5");
            assertThat(badValue.exitCode()).isEqualTo(2);
            assertThat(cli(config, "user", "add", "admin", "--password", "x").err()).contains("taken");
            assertThat(cli(config, "user", "add", "bad name", "--password", "x").exitCode()).isEqualTo(2);
            assertThat(cli(config, "user", "set", "nobody", "status=active").err()).contains("no user 'nobody'");
            assertThat(cli(config, "user", "add", "eve").exitCode()).isEqualTo(2);
        }
    }

    @Test
    void aBadSettingStopsWithOneLine() throws IOException {
        Path config = dir.resolve("bad.properties");
        Files.writeString(config, "filehost.port=nope\n");

        Run run = cli(config, "user", "list");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("filehost: Invalid setting filehost.port in " + config
                + "='nope': is not a whole number");
    }

    @Test
    void everyCommandHasHelp() {
        for (String[] args : new String[][] {{"--help"}, {"serve", "--help"}, {"user", "--help"},
                {"user", "add", "--help"}, {"package", "set", "--help"}}) {
            Run run = Cli.run(args);
            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).contains("Usage:");
        }
    }
}
