package dev.filehost.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filehost.admin.Actor;
import dev.filehost.support.ApiReply;
import dev.filehost.support.ApiTestBase;
import dev.filehost.support.Session;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The uploader's package limits, checked before and while the bytes flow; a refusal keeps nothing. */
class UploadLimitsTest extends ApiTestBase {

    @AfterEach
    void resetFreePackage() {
        var admin = server.app().components().packageAdmin();
        admin.set(Actor.cli(), "Free Account", "max_upload_size", "1073741824");
        admin.set(Actor.cli(), "Free Account", "max_storage_bytes", "10737418240");
        admin.set(Actor.cli(), "Free Account", "can_upload", "1");
        admin.set(Actor.cli(), "Free Account", "accepted_file_types", "");
        admin.set(Actor.cli(), "Free Account", "blocked_file_types", "");
    }

    private static void setFree(String field, String value) {
        server.app().components().packageAdmin().set(Actor.cli(), "Free Account", field, value);
    }

    private static long storedBlobs() throws Exception {
        Path blobs = server.settings().dataDir().resolve("blobs");
        if (!Files.exists(blobs)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(blobs)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void tooLargeUploadsAreRefusedAndKeepNothing() throws Exception {
        Session session = signInNewUser();
        setFree("max_upload_size", "1000");
        long before = storedBlobs();

        ApiReply refused = session.upload("big.bin", UploadApiTest.randomBytes(1001, 1));
        ApiReply fits = session.upload("fits.bin", UploadApiTest.randomBytes(1000, 2));

        assertThat(refused.message()).isEqualTo(
                "The file is too large. The maximum upload size for your account is 1000 bytes.");
        assertThat(fits.isSuccess()).isTrue();
        assertThat(storedBlobs()).isEqualTo(before + 1);
    }

    @Test
    void theStorageQuotaCountsActiveFilesAndTheUsersOverrideWins() {
        NewUser user = newUser("1");
        Session session = signIn(user);
        setFree("max_storage_bytes", "2500");

        assertThat(session.upload("one.bin", UploadApiTest.randomBytes(1000, 3)).isSuccess()).isTrue();
        String second = session.upload("two.bin", UploadApiTest.randomBytes(1000, 4)).data().get(0)
                .path("file_id").asText();
        ApiReply full = session.upload("three.bin", UploadApiTest.randomBytes(1000, 5));
        assertThat(full.message()).isEqualTo("There is not enough free storage in your account for this file.");

        session.call("file/delete", "file_id", second);
        assertThat(session.upload("three.bin", UploadApiTest.randomBytes(1000, 5)).isSuccess()).isTrue();

        server.app().components().userAdmin().set(Actor.cli(), user.username(), "storageLimitOverride", "100000");
        assertThat(session.upload("four.bin", UploadApiTest.randomBytes(5000, 6)).isSuccess()).isTrue();
    }

    @Test
    void aBodyDeclaredLargerThanTheLimitIsRefusedBeforeItIsRead() throws Exception {
        Session session = signInNewUser();
        setFree("max_upload_size", "1000000");
        assertThat(answerToADeclaredBody(session, 2L << 30))
                .contains("The file is too large. The maximum upload size for your account is 1000000 bytes.");

        setFree("max_upload_size", "0");
        setFree("max_storage_bytes", "5000000");
        assertThat(answerToADeclaredBody(session, 2L << 30))
                .contains("There is not enough free storage in your account for this file.");
        assertThat(answerToADeclaredBody(session, 4_000_000)).isEmpty();
    }

    /**
     * Sends the head of an upload that declares {@code declared} file bytes, but only 1 KiB of them;
     * answers the server's reply when it came with the connection's end, or empty when it waits for more.
     */
    private static String answerToADeclaredBody(Session session, long declared) throws Exception {
        URI base = URI.create(server.client().base());
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), base.getPort())) {
            socket.setSoTimeout(5000);
            byte[] head = ("--b\r\nContent-Disposition: form-data; name=\"access_token\"\r\n\r\n" + session.accessToken()
                    + "\r\n--b\r\nContent-Disposition: form-data; name=\"account_id\"\r\n\r\n" + session.accountId()
                    + "\r\n--b\r\nContent-Disposition: form-data; name=\"upload_file\"; filename=\"big.bin\"\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v2/file/upload HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: " + (head.length + declared + 8)
                    + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(head);
            out.write(new byte[1024]);
            out.flush();
            try {
                return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (SocketTimeoutException stillReading) {
                return "";
            }
        }
    }

    @Test
    void packagesThatCannotUploadAreRefused() {
        Session session = signInNewUser();
        setFree("can_upload", "0");

        assertThat(session.upload("x.txt", UploadApiTest.randomBytes(10, 7)).message())
                .isEqualTo("Your account level does not allow uploads.");
    }

    @Test
    void acceptedAndBlockedTypes() {
        Session session = signInNewUser();
        setFree("blocked_file_types", "exe,bat");

        assertThat(session.upload("virus.EXE", UploadApiTest.randomBytes(10, 8)).message())
                .isEqualTo("Files of type 'exe' are not allowed for your account.");
        assertThat(session.upload("fine.txt", UploadApiTest.randomBytes(10, 9)).isSuccess()).isTrue();

        setFree("accepted_file_types", "jpg,png");
        assertThat(session.upload("doc.pdf", UploadApiTest.randomBytes(10, 10)).isError()).isTrue();
        assertThat(session.upload("pic.png", UploadApiTest.randomBytes(10, 11)).isSuccess()).isTrue();
    }
}
