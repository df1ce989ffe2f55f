package dev.filehost.urlimport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.filehost.admin.Actor;
import dev.filehost.support.ApiReply;
import dev.filehost.support.ApiTestBase;
import dev.filehost.support.Session;
import dev.filehost.support.TestOrigin;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Imports from a loopback origin, so private addresses are allowed on this server. */
class UrlImportApiTest extends ApiTestBase {
    private static TestOrigin origin;

    private Session session;

    @BeforeAll
    static void startOrigin() throws Exception {
        origin = new TestOrigin();
    }

    @AfterAll
    static void stopOrigin() {
        origin.close();
    }

    @Override
    protected Map<String, String> serverEnvironment() {
        return Map.of("FILEHOST_URL_IMPORT_ALLOW_PRIVATE", "true", "FILEHOST_URL_IMPORT_STALL_TIMEOUT_SECONDS", "2");
    }

    @BeforeEach
    void signIn() {
        session = signIn(newUser("Admin"));
    }

    @AfterEach
    void resetAdminPackage() {
        server.app().components().packageAdmin().set(Actor.cli(), "Admin", "max_upload_size", "0");
    }

    static String base64(String url) {
        return Base64.getEncoder().encodeToString(url.getBytes(StandardCharsets.UTF_8));
    }

    private long add(String url) {
        ApiReply reply = session.call("file/url_upload_add", "file_url_base64", base64(url));
        assertThat(reply.isSuccess()).as(reply.body()).isTrue();
        return reply.data().path("scheduled_item_id").asLong();
    }

    private JsonNode waitUntilFinished(long id) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            JsonNode data = session.call("file/url_upload_status", "scheduled_item_id", Long.toString(id)).data();
            if (data.path("finished").isTextual()) {
                return data;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("import " + id + " did not finish");
    }

    @Test
    void addAnswersTheItemIdAsANumberAndTheDecodedUrl() {
        String url = origin.url("/files/logo.png");
        ApiReply reply = session.call("file/url_upload_add", "file_url_base64", base64(url));

        assertThat(reply.message()).isEqualTo("File download from URL scheduled");
        assertThat(reply.data().path("scheduled_item_id").isNumber()).isTrue();
        assertThat(reply.data().path("url").asText()).isEqualTo(url);
    }

    @Test
    void aCompletedImportIsAFileWithTheExactBytes() throws Exception {
        long id = add(origin.url("/files/file_upload_script_logo.png"));

        JsonNode status = waitUntilFinished(id);

        assertThat(status.path("status").asText()).isEqualTo("complete");
        assertThat(status.path("total_size").asLong()).isEqualTo(TestOrigin.FILE.length);
        assertThat(status.path("total_size").isNumber()).isTrue();
        assertThat(status.path("started").isTextual()).isTrue();
        JsonNode file = status.path("downloaded_file");
        assertThat(file.path("file_id").isNumber()).isTrue();
        assertThat(file.path("name").asText()).isEqualTo("file_upload_script_logo.png");
        assertThat(file.path("size").asLong()).isEqualTo(TestOrigin.FILE.length);
        assertThat(file.path("url").asText()).endsWith("/file_upload_script_logo.png");
        String download = session.call("file/download", "file_id", file.path("file_id").asText()).data()
                .path("download_url").asText();
        assertThat(server.client().fetch(download).body()).isEqualTo(TestOrigin.FILE);
        JsonNode info = session.call("file/info", "file_id", file.path("file_id").asText()).data();
        assertThat(info.path("uploadSource").asText()).isEqualTo("remote");
    }

    @Test
    void noContentEncodingIsAskedForAndTheBytesAreStoredAsSent() throws Exception {
        JsonNode status = waitUntilFinished(add(origin.url("/gzipped")));

        assertThat(origin.lastAcceptEncoding()).isEqualTo("identity");
        assertThat(status.path("status").asText()).isEqualTo("complete");
        String fileId = status.path("downloaded_file").path("file_id").asText();
        String download = session.call("file/download", "file_id", fileId).data().path("download_url").asText();
        assertThat(server.client().fetch(download).body()).isEqualTo(TestOrigin.gzip());
    }

    @Test
    void theNameComesFromContentDisposition() throws Exception {
        JsonNode status = waitUntilFinished(add(origin.url("/named")));

        assertThat(status.path("downloaded_file").path("name").asText()).isEqualTo("résumé.pdf");
    }

    @Test
    void progressIsVisibleWhileItRuns() throws Exception {
        long id = add(origin.url("/slow"));
        long seenPartial = -1;
        for (int i = 0; i < 100 && seenPartial < 0; i++) {
            JsonNode data = session.call("file/url_upload_status", "scheduled_item_id", Long.toString(id)).data();
            long downloaded = data.path("downloaded_size").asLong();
            if (data.path("status").asText().equals("downloading") && downloaded > 0 && downloaded < TestOrigin.FILE.length) {
                seenPartial = downloaded;
            }
            Thread.sleep(50);
        }
        assertThat(seenPartial).isPositive();
        assertThat(waitUntilFinished(id).path("status").asText()).isEqualTo("complete");
    }

    @Test
    void redirectsAreFollowedUpToTheLimit() throws Exception {
        assertThat(waitUntilFinished(add(origin.url("/redirect/3"))).path("status").asText()).isEqualTo("complete");

        JsonNode tooMany = waitUntilFinished(add(origin.url("/redirect/9")));
        assertThat(tooMany.path("status").asText()).isEqualTo("failed");
        assertThat(tooMany.path("notes").asText()).isEqualTo("Too many redirects (more than 5).");
    }

    @Test
    void failuresSayWhy() throws Exception {
        JsonNode missing = waitUntilFinished(add(origin.url("/missing")));
        assertThat(missing.path("status").asText()).isEqualTo("failed");
        assertThat(missing.path("notes").asText()).isEqualTo("The remote server answered HTTP 404.");

        JsonNode ftp = waitUntilFinished(add(origin.url("/to-ftp")));
        assertThat(ftp.path("notes").asText()).contains("Only http:// and https://");

        JsonNode stalled = waitUntilFinished(add(origin.url("/stall")));
        assertThat(stalled.path("status").asText()).isEqualTo("failed");
        assertThat(stalled.path("notes").asText())
                .isEqualTo("The remote server stopped sending before the whole file arrived.");
        assertThat(stalled.path("downloaded_file").isMissingNode()).isTrue();
    }

    @Test
    void aTransferBrokenOffMidBodySaysSoInOneSentence() throws Exception {
        JsonNode broken = waitUntilFinished(add(origin.url("/broken")));

        assertThat(broken.path("status").asText()).isEqualTo("failed");
        assertThat(broken.path("notes").asText())
                .isEqualTo("The remote server closed the connection before the whole file arrived.");
        assertThat(broken.path("downloaded_file").isMissingNode()).isTrue();
    }

    @Test
    void theUploadSizeLimitStopsEndlessStreams() throws Exception {
        server.app().components().packageAdmin().set(Actor.cli(), "Admin", "max_upload_size", "1000000");

        JsonNode endless = waitUntilFinished(add(origin.url("/endless")));

        assertThat(endless.path("status").asText()).isEqualTo("failed");
        assertThat(endless.path("notes").asText()).contains("too large");
    }

    @Test
    void theSameUnfinishedUrlIsQueuedOnce() {
        String url = origin.url("/stall?once");
        long first = add(url);
        long second = add(url);

        assertThat(second).isEqualTo(first);
    }

    @Test
    void onlyTheOwnerSeesAnItem() {
        long id = add(origin.url("/files/mine.bin"));
        Session stranger = signInNewUser();

        assertThat(stranger.call("file/url_upload_status", "scheduled_item_id", Long.toString(id)).message())
                .isEqualTo("Could not find scheduled item based on scheduled_item_id.");
        assertThat(session.call("file/url_upload_status").message())
                .isEqualTo("Please provide the scheduled_item_id param.");
        assertThat(session.call("file/url_upload_status", "scheduled_item_id", "abc").isError()).isTrue();
    }

    @Test
    void badParametersGetTheContractsTexts() {
        assertThat(session.call("file/url_upload_add").message()).isEqualTo("Please provide the file_url_base64 param.");
        assertThat(session.call("file/url_upload_add", "file_url_base64", "%%%not base64%%%").message())
                .isEqualTo("Could not parse the file_url_base64 parameter. Ensure it's base64 encoded.");
        assertThat(session.call("file/url_upload_add", "file_url_base64", base64("not a url")).message())
                .isEqualTo("The URL is not valid. Only http:// and https:// URLs can be imported.");
        assertThat(session.call("file/url_upload_add", "file_url_base64", base64(origin.url("/x")),
                "folder_id", "99999").message())
                .isEqualTo("Could not find the destination folder id defined by folder_id.");
    }
}
