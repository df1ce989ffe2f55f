package dev.filehost.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.filehost.support.ApiClient;
import dev.filehost.support.ApiReply;
import dev.filehost.support.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A stop (SIGTERM) closes the door to new connections and lets the uploads in progress finish. */
class GracefulStopTest {
    private TestServer server;

    @AfterEach
    void cleanUp() throws IOException {
        server.close();
    }

    @Test
    void anUploadInProgressFinishesWhileNewConnectionsAreRefused() throws Exception {
        server = TestServer.start("sqlite", Map.of("FILEHOST_SHUTDOWN_GRACE_SECONDS", "20"));
        var admin = server.admin();
        ApiReply signIn = server.client().post("authorize",
                ApiClient.params("key1", admin.keys().key1(), "key2", admin.keys().key2()));
        int port = URI.create(server.client().base()).getPort();
        byte[] head = ("--b\r\nContent-Disposition: form-data; name=\"access_token\"\r\n\r\n"
                + signIn.data().path("access_token").asText()
                + "\r\n--b\r\nContent-Disposition: form-data; name=\"account_id\"\r\n\r\n" + admin.accountId()
                + "\r\n--b\r\nContent-Disposition: form-data; name=\"upload_file\"; filename=\"late.bin\"\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = "\r\n--b--\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[2_000_000];

        try (Socket upload = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = upload.getOutputStream();
            out.write(("POST /api/v2/file/upload HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: "
                    + (head.length + content.length + tail.length) + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(head);
            out.write(content, 0, content.length / 2);
            out.flush();
            Thread.sleep(300);

            CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> server.app().close());
            awaitRefusal(port);
            assertThat(stopping).isNotDone();

            out.write(content, content.length / 2, content.length - content.length / 2);
            out.write(tail);
            out.flush();
            String answer = readAll(upload.getInputStream());

            assertThat(answer).startsWith("HTTP/1.1 200").contains("\"_status\":\"success\"").contains("late.bin");
            stopping.get();
        }
    }

    private static void awaitRefusal(int port) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
                Thread.sleep(50);
            } catch (IOException refused) {
                // Refused, or reset when the listener closed while the connection waited in its backlog.
                assertThat(refused).isInstanceOf(SocketException.class);
                return;
            }
        }
        assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close())
                .as("new connections during the stop").isInstanceOf(SocketException.class);
    }

    private static String readAll(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
}
