package dev.filehost.tus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filehost.support.ApiClient;
import dev.filehost.support.Cli;
import dev.filehost.support.Session;
import dev.filehost.support.TestServer;
import dev.filehost.support.TusRequests;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `filehost uploads list` and `filehost uploads cancel ID`, against the data of a running server. */
class UploadsCliTest {
    @TempDir
    Path dir;

    @Test
    void listShowsUnfinishedUploadsAndCancelEndsOne() throws Exception {
        try (TestServer server = TestServer.start("sqlite")) {
            Path config = dir.resolve("filehost.properties");
            Files.writeString(config, "filehost.data=" + server.settings().dataDir() + "\n"
                    + "filehost.db-url=" + server.settings().dbUrl() + "\n");
            String username = "cli-tus";
            server.app().components().userAdmin().add(username, "pw-cli-tus", "cli@example.test", "1");
            var keys = server.app().components().userAdmin().newKeys(username);
            ApiClient api = server.client();
            String token = api.post("authorize", ApiClient.params("key1", keys.key1(), "key2", keys.key2()))
                    .data().path("access_token").asText();
            TusRequests tus = new TusRequests(api, new Session(api, token, ""));
            String url = tus.create(1000, "in-progress.bin");
            tus.patch(url, 0, new byte[300]);
            String id = url.substring(url.lastIndexOf('/') + 1);

            Cli.Run list = Cli.run("uploads", "list", "--config", config.toString());
            Cli.Run cancel = Cli.run("uploads", "cancel", id, "--config", config.toString());
            Cli.Run again = Cli.run("uploads", "cancel", id, "--config", config.toString());

            assertThat(list.exitCode()).isZero();
            assertThat(list.out()).contains(id).contains("300").contains("1000").contains("in-progress.bin");
            assertThat(cancel.exitCode()).isZero();
            assertThat(cancel.out()).contains("Cancelled upload " + id);
            assertThat(tus.head(url).statusCode()).isEqualTo(404);
            assertThat(again.exitCode()).isEqualTo(2);
            assertThat(again.err()).contains("no unfinished upload");
        }
    }
}
