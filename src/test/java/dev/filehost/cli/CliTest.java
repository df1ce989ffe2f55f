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

    @Test
    void userAddWithKeysPrintsJsonThatSignsIn() throws Exception {
        try (TestServer server = TestServer.start("sqlite")) {
            Run run = Cli.on(server, dir).run("user", "add", "carol", "--password", "s3cret-pass",
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
            Cli.Operator cli = Cli.on(server, dir);
            assertThat(cli.run("user", "add", "dave", "--password", "first-pass").exitCode()).isZero();

            Run keys = cli.run("user", "keys", "dave", "--json");
            JsonNode pair = new ObjectMapper().readTree(keys.out());
            assertThat(server.client().post("authorize", ApiClient.params("key1", pair.path("key1").asText(),
                    "key2", pair.path("key2").asText())).isSuccess()).isTrue();

            Run set = cli.run("user", "set", "dave", "password=second-pass", "package=2", "email=d@example.test",
                    "storageLimitOverride=1000");
            assertThat(set.exitCode()).as(set.err()).isZero();
            assertThat(server.client().post("authorize", ApiClient.params("username", "dave", "password", "second-pass"))
                    .isSuccess()).isTrue();

            Run list = cli.run("user", "list");
            assertThat(list.out()).contains("dave").contains("d@example.test").contains("admin");
        }
    }

    @Test
    void packageSetChangesWhatTheApiShows() throws Exception {
        try (TestServer server = TestServer.start("sqlite")) {
            Cli.Operator cli = Cli.on(server, dir);
            Run set = cli.run("package", "set", "Free Account", "max_upload_size=12345", "can_upload=0");
            assertThat(set.exitCode()).as(set.err()).isZero();
            assertThat(set.out()).contains("max_upload_size                12345");

            Run list = cli.run("package", "list");
            assertThat(list.out()).contains("Premium Account").contains("12345");
        }
    }

    @Test
    void userSigninsListsTheHistoryAndUserDeleteEndsTheAccount() throws Exception {
        try (TestServer server = TestServer.start("sqlite")) {
            Cli.Operator cli = Cli.on(server, dir);
            assertThat(cli.run("user", "add", "erin", "--password", "erin-pass").exitCode()).isZero();
            server.client().post("authorize", ApiClient.params("username", "erin", "password", "erin-pass"));
            server.client().post("authorize", ApiClient.params("username", "erin", "password", "wrong"));

            Run signIns = cli.run("user", "signins", "erin");
            Run delete = cli.run("user", "delete", "erin");

            assertThat(signIns.exitCode()).as(signIns.err()).isZero();
            assertThat(signIns.out().lines().skip(1).toList()).hasSize(2)
                    .anyMatch(line -> line.matches(".*127\\.0\\.0\\.1\\s+api\\s+ok"))
                    .anyMatch(line -> line.matches(".*127\\.0\\.0\\.1\\s+api\\s+refused"));
            assertThat(delete.exitCode()).as(delete.err()).isZero();
            assertThat(server.client().post("authorize", ApiClient.params("username", "erin", "password", "erin-pass"))
                    .isSuccess()).isFalse();
            assertThat(cli.run("user", "list").out()).containsPattern("erin\\s+disabled");
        }
    }

    @Test
    void packageAddAndRemoveRefuseAPackageInUse() throws Exception {
        try (TestServer server = TestServer.start("sqlite")) {
            Cli.Operator cli = Cli.on(server, dir);
            Run add = cli.run("package", "add", "Team", "--level", "paid user");
            Run inUse = cli.run("package", "remove", "Admin");
            Run remove = cli.run("package", "remove", "Team");

            assertThat(add.out()).containsPattern("label\\s+Team").containsPattern("level_type\\s+paid user");
            assertThat(inUse.exitCode()).isEqualTo(2);
            assertThat(inUse.err()).contains("1 account is on it; move them to another package first");
            assertThat(remove.exitCode()).as(remove.err()).isZero();
            assertThat(cli.run("package", "list").out()).doesNotContain("Team");
        }
    }

    @Test
    void mistakesEndWithOneLineAndExitCode2() throws Exception {
        try (TestServer server = TestServer.start("sqlite")) {
            Cli.Operator cli = Cli.on(server, dir);

            Run unknownField = cli.run("package", "set", "1", "bogus=1");
            assertThat(unknownField.exitCode()).isEqualTo(2);
            assertThat(unknownField.err().strip()).isEqualTo("filehost: unknown field 'bogus'");

            Run badValue = cli.run("package", "set", "1", "max_upload_size=-5");
            assertThat(badValue.exitCode()).isEqualTo(2);
            assertThat(cli.run("user", "add", "admin", "--password", "x").err()).contains("taken");
            assertThat(cli.run("user", "add", "bad name", "--password", "x").exitCode()).isEqualTo(2);
            assertThat(cli.run("user", "set", "nobody", "status=active").err()).contains("no user 'nobody'");
            assertThat(cli.run("user", "add", "eve").exitCode()).isEqualTo(2);
        }
    }

    @Test
    void aBadSettingStopsWithOneLine() throws IOException {
        Path config = dir.resolve("bad.properties");
        Files.writeString(config, "filehost.port=nope\n");

        Run run = new Cli.Operator(config).run("user", "list");

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
