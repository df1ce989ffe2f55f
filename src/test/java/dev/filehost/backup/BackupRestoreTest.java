package dev.filehost.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filehost.support.ApiClient;
import dev.filehost.support.Cli;
import dev.filehost.support.Cli.Run;
import dev.filehost.support.ApiReply;
import dev.filehost.support.Session;
import dev.filehost.support.TestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** filehost backup, restore and check, run as an operator runs them, beside a live server. */
class BackupRestoreTest {
    @TempDir
    Path dir;

    @Test
    void aBackupTakenDuringUploadsRestoresIntoAnEmptySiteWhereEveryFileDownloadsWhole() throws Exception {
        Path backup = dir.resolve("backup");
        Map<String, String> hashes = new LinkedHashMap<>();
        String[] adminKeys;
        try (TestServer server = TestServer.start("sqlite")) {
            Path config = configFor(server.settings().dataDir());
            adminKeys = adminKeys(server);
            Session session = signIn(server.client(), adminKeys);
            SplittableRandom random = new SplittableRandom(1);
            for (int i = 0; i < 12; i++) {
                byte[] content = new byte[random.nextInt(1, 300_000)];
                random.nextBytes(content);
                upload(session, "before-" + i + ".bin", i % 4 == 3 ? "same".getBytes(StandardCharsets.UTF_8) : content, hashes);
            }
            AtomicBoolean stop = new AtomicBoolean();
            CompletableFuture<Void> uploads = CompletableFuture.runAsync(() -> {
                for (int i = 0; !stop.get(); i++) {
                    upload(session, "during-" + i + ".bin", ("during " + i).repeat(5000).getBytes(StandardCharsets.UTF_8), hashes);
                }
            });
            Run first = cli(config, "backup", backup.toString());
            Run second = cli(config, "backup", backup.toString());
            stop.set(true);
            uploads.get();

            assertThat(first.exitCode()).as(first.err() + first.out()).isZero();
            assertThat(second.exitCode()).as(second.err() + second.out()).isZero();
            assertThat(first.out()).contains("Backed up the database and");
        }
        Path restored = dir.resolve("restored");
        Path restoredConfig = configFor(restored);

        Run restore = cli(restoredConfig, "restore", backup.toString());
        Run again = cli(restoredConfig, "restore", backup.toString());
        Run check = cli(restoredConfig, "check");

        assertThat(restore.exitCode()).as(restore.err() + restore.out()).isZero();
        assertThat(again.exitCode()).as("a restore onto data").isEqualTo(2);
        assertThat(again.err()).contains("restore needs an empty site");
        assertThat(check.exitCode()).as(check.out() + check.err()).isZero();
        assertThat(check.out()).contains("0 missing, 0 damaged, 0 orphans");
        try (TestServer server = TestServer.start("sqlite", Map.of("FILEHOST_DATA", restored.toString(),
                "FILEHOST_DB_URL", "jdbc:sqlite:" + restored.resolve("filehost.db")))) {
            Session session = signIn(server.client(), adminKeys);
            int found = 0;
            for (Map.Entry<String, String> file : hashes.entrySet()) {
                ApiReply link = session.call("file/download", "file_id", file.getKey());
                if (link.isError()) {
                    continue;
                }
                byte[] bytes = server.client().fetch(link.data().path("download_url").asText()).body();
                assertThat(md5(bytes)).as("file " + file.getKey()).isEqualTo(file.getValue());
                found++;
            }
            assertThat(found).as("files in the restored site").isGreaterThanOrEqualTo(12);
            for (int id = 1; id <= 12; id++) {
                assertThat(session.call("file/info", "file_id", Integer.toString(id)).isSuccess())
                        .as("file " + id + ", uploaded before the backup").isTrue();
            }
        }
    }

    @Test
    void checkFindsMissingAndStrayBlobsAndRepairMovesTheStrayOnesAside() throws Exception {
        try (TestServer server = TestServer.start("sqlite")) {
            Path data = server.settings().dataDir();
            Path config = configFor(data);
            Session session = signIn(server.client(), adminKeys(server));
            Map<String, String> hashes = new LinkedHashMap<>();
            upload(session, "kept.txt", "kept".getBytes(StandardCharsets.UTF_8), hashes);
            upload(session, "lost.txt", "lost".getBytes(StandardCharsets.UTF_8), hashes);
            Path lost = blobFile(data, sha256("lost"));
            Files.delete(lost);
            Path stray = blobFile(data, sha256("stray"));
            Files.createDirectories(stray.getParent());
            Files.writeString(stray, "stray");
            Files.setLastModifiedTime(stray, FileTime.from(Instant.now().minus(2, ChronoUnit.HOURS)));

            Run check = cli(config, "check");
            Run repair = cli(config, "check", "--repair", "--sizes-only");

            assertThat(check.exitCode()).isEqualTo(1);
            assertThat(check.out()).contains("1 missing, 0 damaged, 1 orphans")
                    .contains("blob " + sha256("lost") + " (4 bytes) is missing; used by file ids [2]")
                    .contains("orphan " + sha256("stray"));
            assertThat(repair.out()).contains("1 moved to");
            assertThat(stray).doesNotExist();
            assertThat(data.resolve("orphans").resolve(sha256("stray"))).hasContent("stray");
        }
    }

    private static void upload(Session session, String name, byte[] content, Map<String, String> hashes) {
        ApiReply reply = session.upload(name, content);
        assertThat(reply.isSuccess()).as(reply.body()).isTrue();
        String hash = reply.data().get(0).path("hash").asText();
        assertThat(hash).isEqualTo(md5(content));
        synchronized (hashes) {
            hashes.put(reply.data().get(0).path("file_id").asText(), hash);
        }
    }

    private Path configFor(Path data) throws IOException {
        Path config = Files.createTempFile(dir, "filehost", ".properties");
        Files.writeString(config, "filehost.data=" + data + "\nfilehost.db-url=jdbc:sqlite:" + data.resolve("filehost.db") + "\n");
        return config;
    }

    private static Run cli(Path config, String... args) {
        return Cli.run(Stream.concat(Stream.of(args), Stream.of("--config", config.toString())).toArray(String[]::new));
    }

    private static String[] adminKeys(TestServer server) {
        var keys = server.admin().keys();
        return new String[] {keys.key1(), keys.key2()};
    }

    private static Session signIn(ApiClient client, String[] keys) {
        ApiReply reply = client.post("authorize", ApiClient.params("key1", keys[0], "key2", keys[1]));
        assertThat(reply.isSuccess()).as(reply.body()).isTrue();
        return new Session(client, reply.data().path("access_token").asText(), reply.data().path("account_id").asText());
    }

    private static Path blobFile(Path data, String sha256) {
        return data.resolve("blobs").resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
