package dev.filehost.file;

import static dev.filehost.support.ApiClient.params;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.filehost.support.ApiReply;
import dev.filehost.support.ApiTestBase;
import dev.filehost.support.Session;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UploadApiTest extends ApiTestBase {

    static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static String md5(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content));
    }

    @Test
    void uploadAnswersTheContractsObjectInADataArray() throws Exception {
        Session session = signInNewUser();
        byte[] content = randomBytes(150_000, 1);

        ApiReply reply = session.upload("sample4_l.jpg", content);

        assertThat(reply.isSuccess()).as(reply.body()).isTrue();
        assertThat(reply.message()).isEqualTo("File uploaded");
        assertThat(reply.data().isArray()).isTrue();
        JsonNode file = reply.data().get(0);
        assertThat(file.fieldNames()).toIterable().containsExactly("name", "size", "type", "error", "url",
                "delete_url", "info_url", "delete_type", "delete_hash", "hash", "stats_url", "short_url", "file_id",
                "unique_hash", "url_html", "url_bbcode", "success_result_html");
        String id = file.path("file_id").asText();
        String shortUrl = ShortUrls.encode(Long.parseLong(id));
        String site = server.settings().publicUrl();
        assertThat(file.path("name").asText()).isEqualTo("sample4_l.jpg");
        assertThat(file.path("size").isTextual()).isTrue();
        assertThat(file.path("size").asText()).isEqualTo("150000");
        assertThat(file.path("error").isNull()).isTrue();
        assertThat(file.path("hash").asText()).isEqualTo(md5(content));
        assertThat(file.path("short_url").asText()).isEqualTo(shortUrl);
        assertThat(file.path("url").asText()).isEqualTo(site + "/" + shortUrl);
        String deleteHash = file.path("delete_hash").asText();
        assertThat(deleteHash).matches("[0-9a-f]{32}");
        assertThat(file.path("delete_url").asText()).isEqualTo(site + "/" + shortUrl + "~d?" + deleteHash);
        assertThat(file.path("info_url").asText()).isEqualTo(site + "/" + shortUrl + "~i?" + deleteHash);
        assertThat(file.path("stats_url").asText()).isEqualTo(site + "/" + shortUrl + "~s");
        assertThat(file.path("delete_type").asText()).isEqualTo("DELETE");
        assertThat(file.path("unique_hash").asText()).matches("[0-9a-f]{64}");
        assertThat(file.path("url_bbcode").asText()).isEqualTo("[url]" + site + "/" + shortUrl + "[/url]");
    }

    @Test
    void theTypeIsDetectedNotTakenFromTheClient() {
        Session session = signInNewUser();
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

        assertThat(session.upload("picture.bin", png).data().get(0).path("type").asText()).isEqualTo("image/png");
        assertThat(session.upload("notes.txt", "hello".getBytes(StandardCharsets.UTF_8)).data().get(0)
                .path("type").asText()).isEqualTo("text/plain");
    }

    @Test
    void onlyTheBaseNameIsKeptAndHtmlIsEscapedInUrlHtml() {
        Session session = signInNewUser();

        JsonNode path = session.upload("C:\\\\Users\\\\me\\\\report.pdf", randomBytes(10, 2)).data().get(0);
        JsonNode unix = session.upload("../../etc/passwd", randomBytes(10, 3)).data().get(0);
        JsonNode html = session.upload("<b>x<i>.txt", randomBytes(10, 4)).data().get(0);

        assertThat(path.path("name").asText()).isEqualTo("report.pdf");
        assertThat(unix.path("name").asText()).isEqualTo("passwd");
        assertThat(html.path("url_html").asText()).contains("view &lt;b&gt;x&lt;i&gt;.txt on").doesNotContain("<b>");
    }

    @Test
    void sameNamesInAFolderAreNumbered() {
        Session session = signInNewUser();

        assertThat(session.upload("a.txt", randomBytes(5, 5)).data().get(0).path("name").asText()).isEqualTo("a.txt");
        assertThat(session.upload("a.txt", randomBytes(5, 6)).data().get(0).path("name").asText()).isEqualTo("a (2).txt");
        assertThat(session.upload("a.txt", randomBytes(5, 7)).data().get(0).path("name").asText()).isEqualTo("a (3).txt");
        assertThat(session.upload("noext", randomBytes(5, 8)).data().get(0).path("name").asText()).isEqualTo("noext");
        assertThat(session.upload("noext", randomBytes(5, 9)).data().get(0).path("name").asText()).isEqualTo("noext (2)");
    }

    @Test
    void credentialsAreCheckedBeforeTheBytesAreStored() {
        ApiReply noToken = api().upload(params("account_id", "1"), "a.txt", randomBytes(10, 10), Map.of());
        ApiReply badToken = api().upload(params("account_id", "1", "access_token", "x".repeat(128)), "a.txt",
                randomBytes(10, 10), Map.of());

        assertThat(noToken.message()).isEqualTo("Please provide the access_token param.");
        assertThat(badToken.message()).isEqualTo(
                "Could not validate access_token and account_id, please reauthenticate or try again.");
    }

    @Test
    void credentialsInTheQueryStringWorkToo() {
        Session session = signInNewUser();
        String query = "?access_token=" + session.accessToken() + "&account_id=" + session.accountId();
        byte[] body = ("--b\r\nContent-Disposition: form-data; name=\"upload_file\"; filename=\"q.txt\"\r\n\r\n"
                + "query\r\n--b--\r\n").getBytes(StandardCharsets.UTF_8);

        ApiReply reply = api().raw("POST", "/api/v2/file/upload" + query, "multipart/form-data; boundary=b", body);

        assertThat(reply.isSuccess()).as(reply.body()).isTrue();
    }

    @Test
    void missingAndEmptyFilesAreNamed() {
        Session session = signInNewUser();

        assertThat(session.call("file/upload").message()).isEqualTo("Did not receive uploaded file.");
        assertThat(session.upload("empty.txt", new byte[0]).message()).isEqualTo("Filesize received was zero.");
        assertThat(session.upload("", randomBytes(5, 11)).message()).isEqualTo("Did not receive uploaded file.");
    }

    @Test
    void truncatedUploadsStoreNothing() {
        Session session = signInNewUser();
        String head = "--b\r\nContent-Disposition: form-data; name=\"access_token\"\r\n\r\n" + session.accessToken()
                + "\r\n--b\r\nContent-Disposition: form-data; name=\"account_id\"\r\n\r\n" + session.accountId()
                + "\r\n--b\r\nContent-Disposition: form-data; name=\"upload_file\"; filename=\"cut.bin\"\r\n\r\n";
        byte[] body = (head + "x".repeat(5000)).getBytes(StandardCharsets.UTF_8);

        ApiReply reply = api().raw("POST", "/api/v2/file/upload", "multipart/form-data; boundary=b", body);

        assertThat(reply.isError()).isTrue();
        assertThat(reply.status()).isEqualTo(200);
        assertThat(session.call("folder/listing").body()).doesNotContain("cut.bin");
    }
}
