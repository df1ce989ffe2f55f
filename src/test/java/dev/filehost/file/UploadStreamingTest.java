package dev.filehost.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filehost.admin.Actor;
import dev.filehost.support.ApiReply;
import dev.filehost.support.ApiTestBase;
import dev.filehost.support.Session;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Uploads that stop half-way or run side by side, sent over a raw socket as a slow client would. */
class UploadStreamingTest extends ApiTestBase {

    @AfterEach
    void resetFreePackage() {
        server.app().components().packageAdmin().set(Actor.cli(), "Free Account", "concurrent_uploads", "10");
    }

    /** An upload whose body has started but not finished; closing it drops the connection. */
    private static Socket startUpload(Session session, String name, int bytesSent, long declaredLength) throws Exception {
        URI base = URI.create(server.client().base());
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), base.getPort());
        String head = "--b\r\nContent-Disposition: form-data; name=\"access_token\"\r\n\r\n" + session.accessToken()
                + "\r\n--b\r\nContent-Disposition: form-data; name=\"account_id\"\r\n\r\n" + session.accountId()
                + "\r\n--b\r\nContent-Disposition: form-data; name=\"upload_file\"; filename=\"" + name + "\"\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.UTF_8);
        OutputStream out = socket.getOutputStream();
        out.write(("POST /api/v2/file/upload HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: " + (headBytes.length + declaredLength)
                + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.write(headBytes);
        out.write(new byte[bytesSent]);
        out.flush();
        return socket;
    }

    private static long tempFiles() throws Exception {
        Path tmp = server.settings().dataDir().resolve("blobs").resolve("tmp");
        if (!Files.exists(tmp)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(tmp)) {
            return files.filter(file -> file.getFileName().toString().startsWith("write-")).count();
        }
    }

    @Test
    void aClientThatDisconnectsHalfWayLeavesNoFileAndNoTemporaryBytes() throws Exception {
        Session session = signInNewUser();
        try (Socket socket = startUpload(session, "half.bin", 200_000, 1_000_000)) {
            Thread.sleep(300);
        }
        for (int i = 0; i < 50 && tempFiles() > 0; i++) {
            Thread.sleep(100);
        }

        assertThat(tempFiles()).isZero();
        assertThat(session.call("file/info", "file_id", "1").isError()).isTrue();
        ApiReply next = session.upload("after.txt", "still works".getBytes(StandardCharsets.UTF_8));
        assertThat(next.isSuccess()).isTrue();
    }

    @Test
    void concurrentUploadsAreBoundedPerAccount() throws Exception {
        server.app().components().packageAdmin().set(Actor.cli(), "Free Account", "concurrent_uploads", "1");
        Session session = signInNewUser();
        try (Socket running = startUpload(session, "slow.bin", 1000, 1_000_000)) {
            Thread.sleep(300);
            ApiReply second = session.upload("second.txt", "x".getBytes(StandardCharsets.UTF_8));
            assertThat(second.message()).isEqualTo(
                    "You have too many uploads in progress. Please wait for one to finish and try again.");
        }
        Thread.sleep(300);
        assertThat(session.upload("third.txt", "y".getBytes(StandardCharsets.UTF_8)).isSuccess()).isTrue();
    }
}
