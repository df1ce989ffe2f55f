package dev.filehost.file;

import static dev.filehost.support.ApiClient.params;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.filehost.support.ApiReply;
import dev.filehost.support.ApiTestBase;
import dev.filehost.support.Session;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Uploads whose form sends the file before access_token and account_id, as browsers' FormData often
 * does: they work as the other order does, and whatever refuses them leaves no byte in the store and no
 * row behind. Each store runs these scenarios through a subclass that says what the store holds.
 */
public abstract class FileFirstUploadScenarios extends ApiTestBase {
    /** The bound on bytes before the credentials that these servers run with. */
    protected static final int MAX_MB_BEFORE_SIGN_IN = 8;
    private static final int MIB = 1 << 20;
    private static final String BOUNDARY = "file-first";

    /** Every object, temporary file or unfinished upload the store holds now. */
    protected abstract Set<String> storeContents() throws Exception;

    /** The settings every store's server adds to its own. */
    protected static Map<String, String> withBoundsBeforeSignIn(Map<String, String> environment) {
        Map<String, String> all = new HashMap<>(environment);
        all.put("FILEHOST_UPLOADS_BEFORE_SIGN_IN_MAX_MB", Integer.toString(MAX_MB_BEFORE_SIGN_IN));
        return all;
    }

    @AfterEach
    void resetFreePackage() {
        var admin = server.app().components().packageAdmin();
        admin.set("Free Account", "max_storage_bytes", "10737418240");
        admin.set("Free Account", "concurrent_uploads", "10");
    }

    @Test
    void aFileSentBeforeItsCredentialsIsStoredAsTheOtherOrderStoresIt() throws Exception {
        Session session = signInNewUser();
        String folder = session.call("folder/create", "folder_name", "late").data().path("id").asText();
        byte[] content = UploadApiTest.randomBytes(6 * MIB + 1234, 21);

        ApiReply reply = api().upload(Map.of(), "late.bin", content, params("access_token", session.accessToken(),
                "account_id", session.accountId(), "folder_id", folder));

        assertThat(reply.isSuccess()).as(reply.body()).isTrue();
        JsonNode file = reply.data().get(0);
        assertThat(file.path("hash").asText()).isEqualTo(UploadApiTest.md5(content));
        assertThat(file.path("size").asText()).isEqualTo(Integer.toString(content.length));
        assertThat(session.call("file/info", "file_id", file.path("file_id").asText()).data().path("folderId").asText())
                .isEqualTo(folder);
        String url = session.call("file/download", "file_id", file.path("file_id").asText())
                .data().path("download_url").asText();
        assertThat(api().fetch(url).body()).isEqualTo(content);
    }

    @Test
    void credentialsBetweenTwoFieldsAndInTheQueryWorkToo() throws Exception {
        Session session = signInNewUser();
        byte[] content = UploadApiTest.randomBytes(3000, 22);
        byte[] body = new Form().field("account_id", session.accountId()).file("upload_file", "mid.bin", content)
                .field("access_token", session.accessToken()).end();

        ApiReply between = post("", body);
        ApiReply query = post("?access_token=" + session.accessToken(),
                new Form().file("upload_file", "q.bin", content).field("account_id", session.accountId()).end());

        assertThat(between.data().get(0).path("hash").asText()).isEqualTo(UploadApiTest.md5(content));
        assertThat(query.data().get(0).path("hash").asText()).isEqualTo(UploadApiTest.md5(content));
    }

    @Test
    void wrongCredentialsAfterTheFileLeaveNoTrace() throws Exception {
        Session session = signInNewUser();
        Trace before = trace();

        ApiReply reply = api().upload(Map.of(), "wrong.bin", UploadApiTest.randomBytes(6 * MIB, 23),
                params("access_token", "0".repeat(64), "account_id", session.accountId()));

        assertThat(reply.message())
                .isEqualTo("Could not validate access_token and account_id, please reauthenticate or try again.");
        assertThat(trace()).isEqualTo(before);
    }

    @Test
    void badFormsAreNamedAndLeaveNoTrace() throws Exception {
        Session session = signInNewUser();
        byte[] content = UploadApiTest.randomBytes(2 * MIB, 24);
        Trace before = trace();

        ApiReply noCredentials = post("", new Form().file("upload_file", "a.bin", content).end());
        ApiReply twice = post("", new Form().field("access_token", session.accessToken())
                .field("account_id", session.accountId()).file("upload_file", "b.bin", content)
                .field("access_token", "0".repeat(64)).end());
        ApiReply empty = post("", new Form().file("upload_file", "c.bin", new byte[0])
                .field("access_token", session.accessToken()).field("account_id", session.accountId()).end());
        ApiReply twoFiles = post("", new Form().file("upload_file", "d.bin", content)
                .file("upload_file", "e.bin", content).field("access_token", session.accessToken())
                .field("account_id", session.accountId()).end());
        ApiReply cutOff = post("", new Form().file("upload_file", "f.bin", content)
                .field("access_token", session.accessToken()).cutOff());

        assertThat(noCredentials.message()).isEqualTo("Please provide the access_token param.");
        assertThat(twice.message()).isEqualTo("The access_token param was sent twice with different values.");
        assertThat(empty.message()).isEqualTo("Filesize received was zero.");
        assertThat(twoFiles.message()).isEqualTo("Please send one file per upload.");
        assertThat(cutOff.message()).isEqualTo("Could not read the request parameters. The request is malformed.");
        assertThat(trace()).isEqualTo(before);
    }

    @Test
    void aQuotaOverrunFoundAfterStagingAnswersTheQuotaErrorAndLeavesNothing() throws Exception {
        Session session = signInNewUser();
        server.app().components().packageAdmin().set("Free Account", "max_storage_bytes", Integer.toString(MIB));
        Trace before = trace();

        ApiReply reply = api().upload(Map.of(), "big.bin", UploadApiTest.randomBytes(2 * MIB, 25),
                params("access_token", session.accessToken(), "account_id", session.accountId()));

        assertThat(reply.message()).isEqualTo("There is not enough free storage in your account for this file.");
        assertThat(trace()).isEqualTo(before);
    }

    @Test
    void credentialsLastDoNotGetPastTheConcurrentUploads() throws Exception {
        server.app().components().packageAdmin().set("Free Account", "concurrent_uploads", "1");
        Session session = signInNewUser();
        Trace before = trace();
        try (Socket running = openUpload(credentialsThenFile(session, "slow.bin"), 1_000_000)) {
            Thread.sleep(300);
            ApiReply late = api().upload(Map.of(), "late.bin", UploadApiTest.randomBytes(5000, 26),
                    params("access_token", session.accessToken(), "account_id", session.accountId()));

            assertThat(late.message()).isEqualTo(
                    "You have too many uploads in progress. Please wait for one to finish and try again.");
        }
        awaitTrace(before, 0);
    }

    @Test
    void aBodyDeclaredPastTheBoundBeforeSignInIsRefusedUnread() throws Exception {
        Session session = signInNewUser();
        byte[] head = new Form().fileHead("upload_file", "huge.bin");

        try (Socket socket = openUpload(head, (long) MAX_MB_BEFORE_SIGN_IN * MIB)) {
            assertThat(answerWithTheConnectionsEnd(socket)).contains(
                    "The file is too large to be sent before the access_token and account_id params.");
        }
        byte[] pastTheBound = UploadApiTest.randomBytes(MAX_MB_BEFORE_SIGN_IN * MIB + 10, 27);
        ApiReply credentialsFirst = session.upload("fine.bin", pastTheBound);
        assertThat(credentialsFirst.isSuccess()).as(credentialsFirst.body()).isTrue();
    }

    @Test
    void oneAddressHasAtMostTwoUploadsWaitingForTheirCredentials() throws Exception {
        Session session = signInNewUser();
        Trace before = trace();
        byte[] head = new Form().fileHead("upload_file", "waiting.bin");
        try (Socket first = openUpload(head, 1_000_000); Socket second = openUpload(head, 1_000_000)) {
            Thread.sleep(300);
            ApiReply third = api().upload(Map.of(), "third.bin", UploadApiTest.randomBytes(100, 28),
                    params("access_token", session.accessToken(), "account_id", session.accountId()));

            assertThat(third.message()).startsWith("Too many uploads from your address are waiting for their");
            assertThat(session.upload("first.bin", UploadApiTest.randomBytes(100, 29)).isSuccess()).isTrue();
        }
        awaitTrace(before, 1);
        ApiReply afterwards = api().upload(Map.of(), "later.bin", UploadApiTest.randomBytes(100, 30),
                params("access_token", session.accessToken(), "account_id", session.accountId()));
        assertThat(afterwards.isSuccess()).as(afterwards.body()).isTrue();
    }

    private static ApiReply post(String query, byte[] body) {
        return api().raw("POST", "/api/v2/file/upload" + query, "multipart/form-data; boundary=" + BOUNDARY, body);
    }

    private static byte[] credentialsThenFile(Session session, String name) {
        Form form = new Form().field("access_token", session.accessToken()).field("account_id", session.accountId());
        return form.fileHead("upload_file", name);
    }

    /** An upload whose head is sent with 1 KiB of a file declared {@code fileBytes} long; closing it drops it. */
    private static Socket openUpload(byte[] head, long fileBytes) throws Exception {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), URI.create(server.client().base()).getPort());
        socket.setSoTimeout(5000);
        OutputStream out = socket.getOutputStream();
        out.write(("POST /api/v2/file/upload HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: multipart/form-data; boundary=" + BOUNDARY + "\r\nContent-Length: " + (head.length + fileBytes) + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.write(head);
        out.write(new byte[1024]);
        out.flush();
        return socket;
    }

    private static String answerWithTheConnectionsEnd(Socket socket) throws Exception {
        try {
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (SocketTimeoutException stillReading) {
            return "";
        }
    }

    /** What the store and the database hold: the store's contents, and the rows of files and blobs. */
    private record Trace(Set<String> store, long files, long blobs) {
        /** This, and {@code newFiles} uploads since, each with a blob of its own. */
        boolean isFollowedBy(Trace later, int newFiles) {
            return later.files() == files + newFiles && later.blobs() == blobs + newFiles
                    && later.store().containsAll(store) && later.store().size() == store.size() + newFiles;
        }
    }

    private Trace trace() throws Exception {
        return new Trace(storeContents(), rows("files"), rows("blobs"));
    }

    /** Waits for the server to notice dropped connections and remove what they staged. */
    private void awaitTrace(Trace before, int newFiles) throws Exception {
        for (int i = 0; i < 50 && !before.isFollowedBy(trace(), newFiles); i++) {
            Thread.sleep(100);
        }
        Trace now = trace();
        assertThat(before.isFollowedBy(now, newFiles)).as("%s after %s", now, before).isTrue();
    }

    private static long rows(String table) {
        return server.app().components().database().jdbi()
                .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
    }

    /** A multipart body built part by part, in the order a client appends them. */
    private static final class Form {
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();

        Form field(String name, String value) {
            return text("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
                    + "\r\n");
        }

        Form file(String name, String filename, byte[] content) {
            fileHeader(name, filename).body.writeBytes(content);
            return text("\r\n");
        }

        /** The body up to the first byte of a file part. */
        byte[] fileHead(String name, String filename) {
            return fileHeader(name, filename).body.toByteArray();
        }

        private Form fileHeader(String name, String filename) {
            return text("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                    + filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        }

        byte[] end() {
            return text("--" + BOUNDARY + "--\r\n").body.toByteArray();
        }

        /** The body as a client that stopped sending leaves it: no closing boundary. */
        byte[] cutOff() {
            return body.toByteArray();
        }

        private Form text(String text) {
            body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
            return this;
        }
    }
}
