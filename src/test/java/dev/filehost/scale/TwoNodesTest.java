package dev.filehost.scale;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.filehost.admin.Actor;
import dev.filehost.support.ApiClient;
import dev.filehost.support.ApiReply;
import dev.filehost.support.S3ProxyServer;
import dev.filehost.support.ServerProcess;
import dev.filehost.support.Session;
import dev.filehost.support.TestOrigin;
import dev.filehost.support.TestServer;
import dev.filehost.support.TusRequests;
import java.io.IOException;
import java.net.InetAddress;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two filehost nodes as operators run them: node A in this JVM, node B a server process of its
 * own, both on one PostgreSQL database and one S3 bucket, with nothing else in common.
 */
class TwoNodesTest {
    private static final Map<String, String> SHARED = new HashMap<>();
    private static TestOrigin origin;
    private static TestServer nodeA;
    /** How long another node may answer by a package it read before a change: {@code Packages.REFRESH}, and some. */
    private static final long PACKAGE_REFRESH_MILLIS = 1_200;
    private static ServerProcess nodeB;
    private static Path nodeBData;
    private static ApiClient clientB;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        origin = new TestOrigin();
        SHARED.putAll(S3ProxyServer.shared().environment(S3ProxyServer.newBucket()));
        SHARED.put("FILEHOST_URL_IMPORT_ALLOW_PRIVATE", "true");
        nodeA = TestServer.start("postgresql", SHARED);
        // Node B runs on the real clock: node A's must show the same time, or each finds the other's tokens stale.
        nodeA.clock().advance(Duration.between(nodeA.clock().instant(), Instant.now()));
        nodeB = startNodeB();
    }

    private static ServerProcess startNodeB() throws Exception {
        nodeBData = Files.createTempDirectory("filehost-node-b");
        Map<String, String> settings = new HashMap<>(SHARED);
        settings.put("FILEHOST_DB_URL", nodeA.settings().dbUrl());
        settings.put("FILEHOST_DB_USER", nodeA.settings().dbUser());
        ServerProcess node = ServerProcess.start(nodeBData, settings);
        clientB = node.client();
        return node;
    }

    @AfterAll
    static void stopTwoNodes() throws Exception {
        if (nodeB != null) {
            nodeB.stop();
        }
        if (nodeA != null) {
            nodeA.close();
        }
        origin.close();
        try (Stream<Path> files = Files.walk(nodeBData)) {
            files.sorted((a, b) -> b.compareTo(a)).forEach(path -> path.toFile().delete());
        }
    }

    private static Session signInOnA() {
        var admin = nodeA.admin();
        ApiReply auth = nodeA.client().post("authorize", Map.of("key1", admin.keys().key1(), "key2", admin.keys().key2()));
        return new Session(nodeA.client(), auth.data().path("access_token").asText(),
                auth.data().path("account_id").asText());
    }

    private static String onB(String url) {
        return clientB.base() + url.substring(url.indexOf('/', "http://".length()));
    }

    @Test
    void aResumableUploadStartedOnOneNodeIsFinishedOnTheOther() throws Exception {
        Session onA = signInOnA();
        byte[] content = new byte[11 * 1024 * 1024 + 3];
        new Random(18).nextBytes(content);
        TusRequests tusA = new TusRequests(nodeA.client(), onA);
        TusRequests tusB = new TusRequests(clientB, onA);
        String urlA = tusA.create(content.length, "two-nodes.bin");
        String urlB = onB(urlA);

        int half = 6 * 1024 * 1024 + 1;
        assertThat(tusA.patch(urlA, 0, Arrays.copyOfRange(content, 0, half)).statusCode()).isEqualTo(204);
        assertThat(tusB.head(urlB).headers().firstValue("Upload-Offset")).hasValue(Integer.toString(half));
        HttpResponse<String> last = tusB.patch(urlB, half, Arrays.copyOfRange(content, half, content.length));

        String fileId = last.headers().firstValue("Filehost-File-Id").orElseThrow();
        String download = onA.call("file/download", "file_id", fileId).data().path("download_url").asText();
        byte[] fetched = nodeA.client().fetch(download).body();
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(fetched)))
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
        String md5 = nodeA.app().components().database().jdbi().withHandle(h -> h.createQuery(
                        "SELECT b.md5 FROM files f JOIN blobs b ON b.sha256 = f.blob_sha256 WHERE f.id = :id")
                .bind("id", Long.parseLong(fileId)).mapTo(String.class).one());
        assertThat(md5).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content)));
    }

    @Test
    void aTokenIssuedByOneNodeWorksOnTheOther() {
        Session onA = signInOnA();
        Session onB = new Session(clientB, onA.accessToken(), onA.accountId());

        assertThat(onB.call("account/info").data().path("username").asText()).isEqualTo("admin");
        assertThat(onB.call("disable_access_token").isSuccess()).isTrue();
        assertThat(onA.call("account/info").isError()).isTrue();
    }

    @Test
    void aListingOneNodeKeepsShowsAChangeMadeThroughTheOtherAtOnce() {
        Session onA = signInOnA();
        Session onB = new Session(clientB, onA.accessToken(), onA.accountId());
        String folder = onA.call("folder/create", "folder_name", "kept-listing").data().path("id").asText();
        String fileId = onA.upload("before.txt", "x".getBytes(StandardCharsets.UTF_8), "folder_id", folder)
                .data().get(0).path("file_id").asText();
        assertThat(fileNames(onA, folder)).containsExactly("before.txt");
        assertThat(fileNames(onA, folder)).containsExactly("before.txt");

        assertThat(onB.call("file/edit", "file_id", fileId, "filename", "after.txt").isSuccess()).isTrue();
        assertThat(fileNames(onA, folder)).containsExactly("after.txt");

        assertThat(onB.upload("second.txt", "y".getBytes(StandardCharsets.UTF_8), "folder_id", folder).isSuccess())
                .isTrue();
        assertThat(fileNames(onA, folder)).containsExactly("after.txt", "second.txt");
    }

    private static List<String> fileNames(Session session, String folderId) {
        List<String> names = new ArrayList<>();
        session.call("folder/listing", "parent_folder_id", folderId).data().path("files")
                .forEach(file -> names.add(file.path("filename").asText()));
        return names;
    }

    @Test
    void aFileUploadedToOneNodeDownloadsWithRangesFromTheOther() throws IOException {
        Session onA = signInOnA();
        byte[] content = new byte[12 * 1024 * 1024 + 7];
        new Random(42).nextBytes(content);
        String id = onA.upload("shared.bin", content).data().get(0).path("file_id").asText();
        String link = onA.call("file/download", "file_id", id).data().path("download_url").asText();

        assertThat(clientB.fetch(onB(link)).body()).isEqualTo(content);
        var range = clientB.fetch(onB(link), "Range", "bytes=5242870-5242889");
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.body()).isEqualTo(Arrays.copyOfRange(content, 5_242_870, 5_242_890));

        for (Path data : List.of(nodeA.settings().dataDir(), nodeBData)) {
            try (Stream<Path> files = Files.walk(data)) {
                assertThat(files.filter(Files::isRegularFile).mapToLong(path -> path.toFile().length()).sum())
                        .as("bytes on the disk of a node").isLessThan(content.length / 4);
            }
        }
    }

    @Test
    void aPackagesConcurrentUploadLimitHoldsAcrossNodes() throws Exception {
        var components = nodeA.app().components();
        components.packageAdmin().set(Actor.cli(), "Free Account", "concurrent_uploads", "1");
        components.userAdmin().add(Actor.cli(), "limited", "limited-password", null, "Free Account");
        var keys = components.userAdmin().newKeys(Actor.cli(), "limited");
        ApiReply auth = nodeA.client().post("authorize", Map.of("key1", keys.key1(), "key2", keys.key2()));
        Session onA = new Session(nodeA.client(), auth.data().path("access_token").asText(),
                auth.data().path("account_id").asText());
        Session onB = new Session(clientB, onA.accessToken(), onA.accountId());
        // Node B reads packages again within a second of the change; the slow upload is under way by then.
        try (Socket slowUpload = startSlowUpload(onA)) {
            Thread.sleep(PACKAGE_REFRESH_MILLIS);
            assertThat(onB.upload("second.txt", "x".getBytes(StandardCharsets.UTF_8)).message()).isEqualTo(
                    "You have too many uploads in progress. Please wait for one to finish and try again.");
        } finally {
            components.packageAdmin().set(Actor.cli(), "Free Account", "concurrent_uploads", "10");
        }
        Thread.sleep(PACKAGE_REFRESH_MILLIS);
        assertThat(onB.upload("third.txt", "y".getBytes(StandardCharsets.UTF_8)).isSuccess()).isTrue();
    }

    /** An upload to node A whose body has begun but not ended. */
    private static Socket startSlowUpload(Session session) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), URI.create(nodeA.client().base()).getPort());
        String head = "--b\r\nContent-Disposition: form-data; name=\"access_token\"\r\n\r\n" + session.accessToken()
                + "\r\n--b\r\nContent-Disposition: form-data; name=\"account_id\"\r\n\r\n" + session.accountId()
                + "\r\n--b\r\nContent-Disposition: form-data; name=\"upload_file\"; filename=\"slow.bin\"\r\n\r\n";
        byte[] body = head.getBytes(StandardCharsets.UTF_8);
        OutputStream out = socket.getOutputStream();
        out.write(("POST /api/v2/file/upload HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; "
                + "boundary=b\r\nContent-Length: " + (body.length + 1_000_000) + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.write(body);
        out.write(new byte[1000]);
        out.flush();
        return socket;
    }

    @Test
    void importsQueuedOnOneNodeRunExactlyOnceAcrossBoth() throws Exception {
        Session onA = signInOnA();
        List<Long> items = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String url = origin.url("/files/two-nodes-" + i + ".bin");
            items.add(onA.call("file/url_upload_add", "file_url_base64",
                    Base64.getEncoder().encodeToString(url.getBytes())).data().path("scheduled_item_id").asLong());
        }

        Set<String> files = new HashSet<>();
        for (long item : items) {
            JsonNode status = waitUntilFinished(onA, item);
            assertThat(status.path("status").asText()).isEqualTo("complete");
            files.add(status.path("downloaded_file").path("file_id").asText());
        }
        assertThat(files).hasSize(items.size());
        for (int i = 0; i < items.size(); i++) {
            assertThat(origin.requestsFor("/files/two-nodes-" + i + ".bin")).isEqualTo(1);
        }
    }

    private static JsonNode waitUntilFinished(Session session, long id) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            JsonNode data = session.call("file/url_upload_status", "scheduled_item_id", Long.toString(id)).data();
            if (data.path("finished").isTextual()) {
                return data;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("import " + id + " did not finish");
    }
}
