package dev.filehost.tus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.filehost.support.ApiClient;
import dev.filehost.support.CuttingProxy;
import dev.filehost.support.LoopbackPorts;
import dev.filehost.support.Session;
import dev.filehost.support.TestServer;
import dev.filehost.support.TusRequests;
import io.tus.java.client.ProtocolException;
import io.tus.java.client.TusClient;
import io.tus.java.client.TusURLMemoryStore;
import io.tus.java.client.TusURLStore;
import io.tus.java.client.TusUpload;
import io.tus.java.client.TusUploader;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real tus clients, tus-java-client and tus-js-client (on Node), each upload a file, are interrupted
 * midway and finish it from a new client instance. The server's public URL is a relay the test can
 * cut, as a broken network would.
 */
class TusClientsTest {
    private static final Path JS_CLIENT = Path.of("src", "test", "node", "tus-js");
    private static final Path JS_RUN_DIR = Path.of("target", "tus-js");
    private static TestServer server;
    private static CuttingProxy network;
    private static Session session;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws IOException {
        int port = LoopbackPorts.free();
        int relay = LoopbackPorts.free();
        server = TestServer.start("sqlite", Map.of("FILEHOST_PORT", Integer.toString(port),
                "FILEHOST_PUBLIC_URL", "http://127.0.0.1:" + relay));
        network = new CuttingProxy(relay, port);
        var admin = server.admin();
        JsonNode auth = server.client().post("authorize",
                ApiClient.params("key1", admin.keys().key1(), "key2", admin.keys().key2())).data();
        session = new Session(server.client(), auth.path("access_token").asText(), auth.path("account_id").asText());
    }

    @AfterAll
    static void stop() throws IOException {
        network.close();
        server.close();
    }

    @Test
    void tusJavaClientResumesAfterTheNetworkBrokeWithANewClientInstance() throws Exception {
        byte[] content = TusProtocolTest.randomBytes(3 * 1024 * 1024 + 5, 31);
        Path file = dir.resolve("java-client.bin");
        Files.write(file, content);
        TusURLStore remembered = new TusURLMemoryStore();

        TusUploader first = javaClient(remembered).resumeOrCreateUpload(javaUpload(file));
        first.setChunkSize(64 * 1024);
        first.setRequestPayloadSize(1024 * 1024);
        while (first.getOffset() < 1_500_000) {
            first.uploadChunk();
        }
        network.cut();
        boolean failed = false;
        try {
            while (first.uploadChunk() > -1) {
                // Sends until the cut connection fails.
            }
            first.finish();
        } catch (IOException | ProtocolException expected) {
            failed = true;
        }
        String url = first.getUploadURL().toString();
        waitUntilNoPatchHolds(url);

        long resumedAt = finishWithANewClient(remembered, file);

        assertThat(failed).isTrue();
        assertThat(resumedAt).isBetween(1024L * 1024, content.length - 1L);
        assertThatTheFileIs(completedFileOf(url), content);
    }

    @Test
    void tusJsClientResumesAfterAnAbortWithANewUploadInstance() throws Exception {
        byte[] content = TusProtocolTest.randomBytes(2 * 1024 * 1024 + 9, 32);
        Path file = dir.resolve("js-client.bin");
        Files.write(file, content);

        JsonNode result = new ObjectMapper().readTree(runJsClient(server.client().base() + "/api/v2/tus/", file));

        String fileId = result.path("fileId").asText();
        assertThat(fileId).isEqualTo(completedFileOf(result.path("uploadUrl").asText()));
        assertThatTheFileIs(fileId, content);
    }

    /**
     * A new client instance resumes the upload and sends the rest; as applications do, it tries again
     * when its first request goes out on a kept-alive connection the network cut, or when the server
     * answers that the upload moved on meanwhile (409: that cut request's bytes arrived after all). The
     * offset it resumed from.
     */
    private static long finishWithANewClient(TusURLStore remembered, Path file) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                TusUploader resumed = javaClient(remembered).resumeOrCreateUpload(javaUpload(file));
                long resumedAt = resumed.getOffset();
                while (resumed.uploadChunk() > -1) {
                    // Sends the rest.
                }
                resumed.finish();
                return resumedAt;
            } catch (IOException | ProtocolException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    private static TusClient javaClient(TusURLStore remembered) throws IOException {
        TusClient client = new TusClient();
        client.setUploadCreationURL(URI.create(server.settings().publicUrl() + "/api/v2/tus/").toURL());
        client.setHeaders(Map.of("Authorization", "Bearer " + session.accessToken()));
        client.enableResuming(remembered);
        return client;
    }

    private static TusUpload javaUpload(Path file) throws IOException {
        TusUpload upload = new TusUpload(file.toFile());
        upload.setMetadata(Map.of("filename", file.getFileName().toString()));
        return upload;
    }

    private static String runJsClient(String endpoint, Path file) throws Exception {
        Files.createDirectories(JS_RUN_DIR);
        for (String name : List.of("package.json", "package-lock.json", "upload.mjs")) {
            Files.copy(JS_CLIENT.resolve(name), JS_RUN_DIR.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.isDirectory(JS_RUN_DIR.resolve("node_modules"))) {
            run(List.of("npm", "ci", "--no-audit", "--no-fund"));
        }
        return run(List.of("/usr/bin/node", "upload.mjs", endpoint, session.accessToken(), file.toString()));
    }

    private static String run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).directory(JS_RUN_DIR.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output.lines().reduce((first, last) -> last).orElse("");
    }

    /** Waits until the server noticed the broken request and released the upload. */
    private static void waitUntilNoPatchHolds(String url) throws InterruptedException {
        String id = url.substring(url.lastIndexOf('/') + 1);
        for (int i = 0; i < 200; i++) {
            boolean held = server.app().components().database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT lease_owner IS NOT NULL FROM tus_uploads WHERE id = :id").bind("id", id)
                    .mapTo(Boolean.class).one());
            if (!held) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the interrupted PATCH still holds upload " + id);
    }

    private static String completedFileOf(String url) {
        return new TusRequests(server.client(), session).head(url).headers().firstValue("Filehost-File-Id").orElseThrow();
    }

    private static void assertThatTheFileIs(String fileId, byte[] content) throws Exception {
        String md5 = server.app().components().database().jdbi().withHandle(h -> h.createQuery(
                        "SELECT b.md5 FROM files f JOIN blobs b ON b.sha256 = f.blob_sha256 WHERE f.id = :id")
                .bind("id", Long.parseLong(fileId)).mapTo(String.class).one());
        String download = session.call("file/download", "file_id", fileId).data().path("download_url").asText();
        assertThat(md5).isEqualTo(TusProtocolTest.hex("MD5", content));
        assertThat(server.client().fetch(download).body()).isEqualTo(content);
    }
}
