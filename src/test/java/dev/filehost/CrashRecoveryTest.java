package dev.filehost;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.filehost.admin.Actor;
import dev.filehost.app.Components;
import dev.filehost.auth.ApiKeys;
import dev.filehost.config.SettingSource;
import dev.filehost.config.Settings;
import dev.filehost.support.ApiClient;
import dev.filehost.support.ApiReply;
import dev.filehost.support.ServerProcess;
import dev.filehost.support.Session;
import dev.filehost.support.TestOrigin;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SIGKILLs a server process while uploads stream, files are copied and deleted and URLs import,
 * restarts it on the same data directory and SQLite database, and checks that nothing half-done
 * shows: every listed file downloads whole, every file row has its blob, no temporary bytes stay.
 */
class CrashRecoveryTest {
    private static final int ROUNDS = 3;
    private static final long SEED = 14;

    private static Path dataDir;
    private static TestOrigin origin;
    private static Map<String, String> settings;
    private static ApiKeys.KeyPair keys;

    @BeforeAll
    static void createAccount() throws IOException {
        dataDir = Files.createTempDirectory("filehost-crash");
        origin = new TestOrigin();
        settings = Map.of("FILEHOST_DB_URL", "jdbc:sqlite:" + dataDir.resolve("filehost.db"),
                "FILEHOST_URL_IMPORT_ALLOW_PRIVATE", "true");
        Map<String, String> env = new HashMap<>(settings);
        env.put("FILEHOST_DATA", dataDir.toString());
        try (Components components = Components.open(Settings.from(SettingSource.load(Optional.empty(), env)),
                Clock.systemUTC())) {
            components.userAdmin().add(Actor.cli(), "crash", "crash-password", null, "2");
            keys = components.userAdmin().newKeys(Actor.cli(), "crash");
        }
    }

    @AfterAll
    static void removeData() throws IOException {
        origin.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted((a, b) -> b.compareTo(a)).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void killedMidWorkTheServerRestartsWithNothingHalfDone() throws Exception {
        Random random = new Random(SEED);
        for (int round = 0; round < ROUNDS; round++) {
            ServerProcess server = ServerProcess.start(dataDir, settings);
            try (Workload workload = new Workload(signIn(server.client()), round)) {
                assertConsistent(workload.session);
                workload.start();
                // Kill once work of every kind has gone through and more is under way, whatever the machine's speed.
                workload.awaitCompletedCalls(6 + random.nextInt(6));
                Thread.sleep(random.nextInt(500));
                server.kill();
            } finally {
                server.kill();
            }
        }
        ServerProcess server = ServerProcess.start(dataDir, settings);
        try {
            assertConsistent(signIn(server.client()));
        } finally {
            server.stop();
        }
    }

    private static Session signIn(ApiClient client) {
        ApiReply reply = client.post("authorize", ApiClient.params("key1", keys.key1(), "key2", keys.key2()));
        assertThat(reply.isSuccess()).as(reply.body()).isTrue();
        return new Session(client, reply.data().path("access_token").asText(), reply.data().path("account_id").asText());
    }

    /** Every listed file whole, with the MD5 its blob row claims; every row's blob on disk; no temp files. */
    private static void assertConsistent(Session session) throws Exception {
        JsonNode files = session.call("folder/listing").data().path("files");
        for (JsonNode file : files) {
            if (!file.path("status").asText().equals("active")) {
                continue; // Listings show trashed files too; their rows are checked below.
            }
            String id = file.path("id").asText();
            String name = file.path("filename").asText();
            String link = session.call("file/download", "file_id", id).data().path("download_url").asText();
            byte[] content = session.client().fetch(link).body();
            assertThat(md5(content)).as("MD5 of listed file %s", name).isEqualTo(blobMd5Of(id));
            assertThat(content).as("content of listed file %s", name).isEqualTo(expectedContent(name));
        }
        for (FileRow row : fileRows()) {
            Path blob = dataDir.resolve("blobs").resolve(row.sha256().substring(0, 2)).resolve(row.sha256().substring(2, 4))
                    .resolve(row.sha256());
            assertThat(blob).as("blob of file row %d", row.id()).isRegularFile();
            assertThat(Files.size(blob)).as("blob size of file row %d", row.id()).isEqualTo(row.size());
        }
        assertThat(temporaryFilesAfterWorkSettles()).as("temporary files left after start-up").isEmpty();
    }

    /**
     * Files under the store's temporary directory, but for the marker of the running process's own
     * directory. Imports the restarted server resumes write temporary files of their own: those may
     * come and go, so this waits a little for them.
     */
    private static List<Path> temporaryFilesAfterWorkSettles() throws Exception {
        Path tmp = Files.createDirectories(dataDir.resolve("blobs").resolve("tmp"));
        List<Path> left = List.of();
        for (int i = 0; i < 50; i++) {
            try (Stream<Path> temps = Files.walk(tmp)) {
                left = temps.filter(Files::isRegularFile).filter(path -> !path.getFileName().toString().equals(".owner"))
                        .toList();
            }
            if (left.isEmpty()) {
                break;
            }
            Thread.sleep(100);
        }
        return left;
    }

    private record FileRow(long id, String sha256, long size) {
    }

    private static List<FileRow> fileRows() throws SQLException {
        List<FileRow> rows = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(settings.get("FILEHOST_DB_URL"));
             ResultSet result = db.createStatement().executeQuery("SELECT id, blob_sha256, size FROM files")) {
            while (result.next()) {
                rows.add(new FileRow(result.getLong(1), result.getString(2), result.getLong(3)));
            }
        }
        return rows;
    }

    private static String blobMd5Of(String fileId) throws SQLException {
        try (Connection db = DriverManager.getConnection(settings.get("FILEHOST_DB_URL"));
             PreparedStatement query = db.prepareStatement(
                     "SELECT b.md5 FROM files f JOIN blobs b ON b.sha256 = f.blob_sha256 WHERE f.id = ?")) {
            query.setLong(1, Long.parseLong(fileId));
            try (ResultSet result = query.executeQuery()) {
                assertThat(result.next()).as("blob row of file %s", fileId).isTrue();
                return result.getString(1);
            }
        }
    }

    /** Uploads carry bytes made from their name (copies add " (2)" and so on); imports are the origin's file. */
    private static byte[] expectedContent(String name) {
        return name.startsWith("upload-") ? contentOf(name.replaceFirst(" \\(\\d+\\)$", "")) : TestOrigin.FILE;
    }

    private static byte[] contentOf(String name) {
        Random random = new Random(name.hashCode());
        byte[] content = new byte[10_000 + random.nextInt(300_000)];
        random.nextBytes(content);
        return content;
    }

    private static String md5(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content));
    }

    /** Clients busy with every kind of write until the server dies under them. */
    private static final class Workload implements AutoCloseable {
        private final Session session;
        private final int round;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<String> fileIds = new CopyOnWriteArrayList<>();
        private final AtomicInteger completedCalls = new AtomicInteger();
        private final List<Thread> clients = new ArrayList<>();

        Workload(Session session, int round) {
            this.session = session;
            this.round = round;
        }

        void start() {
            for (int i = 0; i < 4; i++) {
                int client = i;
                clients.add(Thread.ofVirtual().start(() -> repeat(n -> upload("upload-" + round + "-" + client + "-" + n))));
            }
            for (int i = 0; i < 2; i++) {
                clients.add(Thread.ofVirtual().start(this::endlessUpload));
            }
            clients.add(Thread.ofVirtual().start(() -> repeat(n -> onSomeFile("file/copy", "copy_to_folder_id", ""))));
            clients.add(Thread.ofVirtual().start(() -> repeat(n -> onSomeFile("file/delete"))));
            clients.add(Thread.ofVirtual().start(() -> repeat(n -> importUrl(n % 3 == 0
                    ? origin.url("/slow") : origin.url("/files/imported-" + round + "-" + n + ".bin")))));
        }

        void awaitCompletedCalls(int count) throws InterruptedException {
            for (int i = 0; i < 600 && completedCalls.get() < count; i++) {
                Thread.sleep(50);
            }
        }

        private void repeat(IntConsumer action) {
            for (int n = 0; running.get(); n++) {
                try {
                    action.accept(n);
                } catch (RuntimeException serverGone) {
                    return;
                }
            }
        }

        private void upload(String name) {
            ApiReply reply = session.upload(name, contentOf(name));
            completedCalls.incrementAndGet();
            if (reply.isSuccess()) {
                fileIds.add(reply.data().get(0).path("file_id").asText());
            }
        }

        private void onSomeFile(String endpoint, String... params) {
            if (fileIds.isEmpty()) {
                sleep(20);
                return;
            }
            List<String> call = new ArrayList<>(List.of("file_id", fileIds.get(fileIds.size() / 2)));
            call.addAll(List.of(params));
            session.call(endpoint, call.toArray(String[]::new));
            completedCalls.incrementAndGet();
        }

        private void importUrl(String url) {
            session.call("file/url_upload_add", "file_url_base64",
                    Base64.getEncoder().encodeToString(url.getBytes(StandardCharsets.UTF_8)));
            completedCalls.incrementAndGet();
        }

        /** A large upload whose body keeps coming until the connection dies. */
        private void endlessUpload() {
            URI base = URI.create(session.client().base());
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), base.getPort())) {
                String head = "--b\r\nContent-Disposition: form-data; name=\"access_token\"\r\n\r\n" + session.accessToken()
                        + "\r\n--b\r\nContent-Disposition: form-data; name=\"account_id\"\r\n\r\n" + session.accountId()
                        + "\r\n--b\r\nContent-Disposition: form-data; name=\"upload_file\"; filename=\"endless.bin\"\r\n\r\n";
                OutputStream out = socket.getOutputStream();
                out.write(("POST /api/v2/file/upload HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; "
                        + "boundary=b\r\nContent-Length: " + (1L << 40) + "\r\n\r\n" + head).getBytes(StandardCharsets.UTF_8));
                byte[] block = new byte[64 * 1024];
                while (running.get()) {
                    out.write(block);
                    sleep(20);
                }
            } catch (IOException serverGone) {
                // Killed mid-upload: what this client is for.
            }
        }

        private static void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            for (Thread client : clients) {
                client.join();
            }
        }
    }
}
