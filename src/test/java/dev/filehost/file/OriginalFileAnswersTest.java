package dev.filehost.file;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.filehost.db.Database;
import dev.filehost.support.ApiReply;
import dev.filehost.support.ApiTestBase;
import dev.filehost.support.Session;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** File answers that follow the original system, measured call by call (docs/api-compatibility.md). */
class OriginalFileAnswersTest extends ApiTestBase {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    private static JsonNode upload(Session session, String name, String content, String... fields) {
        ApiReply reply = session.upload(name, content.getBytes(StandardCharsets.UTF_8), fields);
        assertThat(reply.isSuccess()).as(reply.body()).isTrue();
        return reply.data().get(0);
    }

    private static String downloadUrl(Session session, JsonNode file) {
        return session.call("file/download", "file_id", file.path("file_id").asText()).data().path("download_url").asText();
    }

    @Test
    void urlFileInfoIsThePublicInfoPageWithoutTheDeleteHash() {
        Session session = signInNewUser();
        JsonNode uploaded = upload(session, "info.txt", "info");
        String page = server.settings().publicUrl() + "/" + uploaded.path("short_url").asText();

        JsonNode info = session.call("file/info", "file_id", uploaded.path("file_id").asText()).data();

        assertThat(info.path("url_file_info").asText()).isEqualTo(page + "~i");
        assertThat(uploaded.path("info_url").asText()).isEqualTo(page + "~i?" + uploaded.path("delete_hash").asText());
        assertThat(api().fetch(info.path("url_file_info").asText()).body())
                .asString(StandardCharsets.UTF_8).doesNotContain(uploaded.path("delete_hash").asText());
    }

    @Test
    void urlHtmlIsTheEntityEscapedLinkToTheLongUrlTitledViewImage() {
        Session session = signInNewUser();
        JsonNode uploaded = upload(session, "notes.txt", "text, not an image");
        String site = server.settings().publicUrl();
        String siteName = server.settings().siteName();

        assertThat(uploaded.path("url_html").asText()).isEqualTo("&lt;a href=&quot;" + site + "/"
                + uploaded.path("short_url").asText() + "/notes.txt&quot; target=&quot;_blank&quot; title=&quot;View image on "
                + siteName + "&quot;&gt;view notes.txt on " + siteName + "&lt;/a&gt;");
    }

    @Test
    void successResultHtmlIsAPreviewForImagesAndEmptyOtherwise() {
        Session session = signInNewUser();
        JsonNode text = upload(session, "plain.txt", "plain");
        JsonNode image = session.upload("picture.png", PNG).data().get(0);

        assertThat(text.has("success_result_html")).isTrue();
        assertThat(text.path("success_result_html").asText()).isEmpty();
        String preview = image.path("success_result_html").asText();
        assertThat(preview).isEqualTo(image.path("url").asText() + "~p");
        assertThat(api().fetch(preview).headers().firstValue("Content-Type")).hasValue("image/png");
    }

    @Test
    void isPublicIsTheFilesOwnFlagWhilePagesFollowThePrivateFolder() {
        Session session = signInNewUser();
        String folder = session.call("folder/create", "folder_name", "private", "is_public", "0").data().path("id").asText();
        JsonNode uploaded = upload(session, "hidden.txt", "hidden", "folder_id", folder);

        JsonNode info = session.call("file/info", "file_id", uploaded.path("file_id").asText()).data();

        assertThat(info.path("isPublic").asText()).isEqualTo("1");
        assertThat(api().fetch(uploaded.path("url").asText()).statusCode()).isEqualTo(404);
    }

    @Test
    void deletingAFileAlreadyInTheTrashSucceedsAgain() {
        Session session = signInNewUser();
        String id = upload(session, "twice.txt", "twice").path("file_id").asText();
        assertThat(session.call("file/delete", "file_id", id).isSuccess()).isTrue();

        ApiReply again = session.call("file/delete", "file_id", id);

        assertThat(again.isSuccess()).as(again.body()).isTrue();
        assertThat(again.message()).isEqualTo("File successfully set as deleted.");
        assertThat(again.data().path("id").asText()).isEqualTo(id);
        assertThat(again.data().path("status").asText()).isEqualTo("trash");
        assertThat(signInNewUser().call("file/delete", "file_id", id).message())
                .isEqualTo("Could not find file based on file_id.");
    }

    @Test
    void keywordsLowerCaseAsciiOnlyAndKeepTheLeadingEmptyPart() {
        Session session = signInNewUser();
        String id = upload(session, "(Draft) ÄÖÜ Straße_.TXT", "draft").path("file_id").asText();

        assertThat(session.call("file/info", "file_id", id).data().path("keywords").asText())
                .isEqualTo(",draft,ÄÖÜ,straße,txt");
        assertThat(session.call("folder/listing").data().path("files").get(0).path("keywords").asText())
                .isEqualTo(",draft,ÄÖÜ,straße,txt");
    }

    @Test
    void downloadNamesGoAsRawUtf8InFilenameOnTheWire() throws IOException {
        Session session = signInNewUser();
        String url = downloadUrl(session, upload(session, "Grüße 世界 ✓.txt", "hello"));
        JsonNode hi = upload(session, "hi.txt", "hi");
        session.call("file/edit", "file_id", hi.path("file_id").asText(), "filename", "say \"hi\".txt");
        String quoted = downloadUrl(session, hi);

        assertThat(contentDispositionBytes(url)).isEqualTo(("attachment; filename=\"Grüße 世界 ✓.txt\"; "
                + "filename*=UTF-8''Gr%C3%BC%C3%9Fe%20%E4%B8%96%E7%95%8C%20%E2%9C%93.txt").getBytes(StandardCharsets.UTF_8));
        assertThat(new String(contentDispositionBytes(quoted), StandardCharsets.UTF_8))
                .startsWith("attachment; filename=\"say \\\"hi\\\".txt\"; filename*=UTF-8''say%20%22hi%22.txt");
    }

    /** The Content-Disposition value exactly as the bytes came over the socket. */
    private static byte[] contentDispositionBytes(String url) throws IOException {
        URI uri = URI.create(url);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("HEAD " + uri.getRawPath() + "?" + uri.getRawQuery() + " HTTP/1.1\r\nHost: " + uri.getHost()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] head = readHead(socket.getInputStream());
            String marker = "\r\ncontent-disposition: ";
            String latin1 = new String(head, StandardCharsets.ISO_8859_1);
            int start = latin1.toLowerCase(Locale.ROOT).indexOf(marker);
            assertThat(start).as(latin1).isNotNegative();
            int valueStart = start + marker.length();
            int end = latin1.indexOf("\r\n", valueStart);
            return latin1.substring(valueStart, end).getBytes(StandardCharsets.ISO_8859_1);
        }
    }

    private static byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            byte[] sofar = head.toByteArray();
            int n = sofar.length;
            if (n >= 4 && sofar[n - 4] == '\r' && sofar[n - 3] == '\n' && sofar[n - 2] == '\r' && sofar[n - 1] == '\n') {
                break;
            }
        }
        return head.toByteArray();
    }

    @Test
    void downloadsCountOncePerAddressAndDayAndNeverForHeadOrMidFileRanges() {
        NewUser user = newUser("1");
        Session session = signIn(user);
        JsonNode uploaded = upload(session, "counted.bin", "0123456789".repeat(100));
        String url = downloadUrl(session, uploaded);
        String id = uploaded.path("file_id").asText();

        api().fetch(url);
        api().fetch(url);
        for (String range : new String[] {"bytes=100-199", "bytes=500-", "bytes=-10"}) {
            assertThat(api().fetch(url, "Range", range).statusCode()).isEqualTo(206);
        }
        api().request("HEAD", url);
        assertThat(session.call("file/info", "file_id", id).data().path("downloads").asText()).isEqualTo("1");

        server.clock().advance(Duration.ofDays(1));
        session = signIn(user);
        String nextDayUrl = downloadUrl(session, uploaded);
        api().request("HEAD", nextDayUrl);
        assertThat(session.call("file/info", "file_id", id).data().path("downloads").asText()).isEqualTo("1");
        api().fetch(nextDayUrl);
        assertThat(session.call("file/info", "file_id", id).data().path("downloads").asText()).isEqualTo("2");
    }

    @Test
    void linksOlderThanCaseInsensitiveCodesKeepWorkingExactMatchFirst() {
        Session session = signInNewUser();
        JsonNode lower = upload(session, "legacy-lower.txt", "lower");
        JsonNode upper = upload(session, "legacy-upper.txt", "upper");
        // Before case-insensitive codes, two files could have codes that differ only by case.
        try (Database database = Database.open(server.settings())) {
            database.jdbi().useHandle(h -> {
                h.createUpdate("UPDATE files SET short_url = 'legacyCase' WHERE id = :id")
                        .bind("id", lower.path("file_id").asLong()).execute();
                h.createUpdate("UPDATE files SET short_url = 'LEGACYcase' WHERE id = :id")
                        .bind("id", upper.path("file_id").asLong()).execute();
            });
        }
        String site = server.settings().publicUrl();

        assertThat(pageName(site + "/legacyCase~i")).contains("legacy-lower.txt");
        assertThat(pageName(site + "/LEGACYcase~i")).contains("legacy-upper.txt");
        assertThat(pageName(site + "/legacycase~i")).contains("legacy-lower.txt");
    }

    static String pageName(String url) {
        var response = api().fetch(url);
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
