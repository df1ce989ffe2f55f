package dev.filehost.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.filehost.admin.Actor;
import dev.filehost.file.ShortUrls;
import dev.filehost.support.ApiTestBase;
import dev.filehost.support.Session;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class FilePagesTest extends ApiTestBase {
    static final String HOSTILE_NAME = "<img src=x onerror=alert(1)> \"Tom\" & 'Jerry'.txt";
    static final String ESCAPED_NAME = "&lt;img src=x onerror=alert(1)&gt; &quot;Tom&quot; &amp; &#39;Jerry&#39;.txt";

    static byte[] image(String format) throws IOException {
        BufferedImage image = new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, 0x2458d6);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, format, out)).isTrue();
        return out.toByteArray();
    }

    static JsonNode upload(Session session, String name, byte[] content) {
        var reply = session.upload(name, content);
        assertThat(reply.isSuccess()).as(reply.body()).isTrue();
        return reply.data().get(0);
    }

    static Page page(String url) {
        return Page.of(api().fetch(url));
    }

    @Test
    void theFilePageShowsTheFileAndADownloadLinkThatWorks() {
        Session session = signInNewUser();
        byte[] content = "x".repeat(1500).getBytes(StandardCharsets.UTF_8);
        JsonNode file = upload(session, "notes.txt", content);
        String uploaded = session.call("file/info", "file_id", file.path("file_id").asText())
                .data().path("uploadedDate").asText();

        Page page = page(file.path("url").asText()).isHtml(200);

        assertThat(page.body()).contains("<h1>notes.txt</h1>", "1.5 KB", "1,500 bytes", "text/plain", uploaded,
                file.path("info_url").asText().replaceAll("\\?.*", ""), file.path("stats_url").asText());
        assertThat(page.body()).doesNotContain("<img", "class=\"gate\"", file.path("delete_hash").asText());
        HttpResponse<byte[]> download = api().fetch(page.downloadLink());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(content);
    }

    @Test
    void theLongFormWithAnyNameShowsTheSamePage() {
        JsonNode file = upload(signInNewUser(), "report 2026.txt", "long".getBytes(StandardCharsets.UTF_8));

        assertThat(page(file.path("url").asText() + "/report_2026.txt").isHtml(200).body())
                .contains("<h1>report 2026.txt</h1>");
        assertThat(page(file.path("url").asText() + "/anything-else").isHtml(200).body())
                .contains("<h1>report 2026.txt</h1>");
    }

    @Test
    void namesWithHtmlAreEscapedOnEveryPage() {
        Session session = signInNewUser();
        JsonNode file = upload(session, "plain.txt", "hostile".getBytes(StandardCharsets.UTF_8));
        var edit = session.call("file/edit", "file_id", file.path("file_id").asText(), "filename", HOSTILE_NAME);
        assertThat(edit.data().path("filename").asText()).isEqualTo(HOSTILE_NAME);

        for (String url : List.of(file.path("url").asText(), file.path("info_url").asText(),
                file.path("stats_url").asText(), file.path("delete_url").asText())) {
            Page page = page(url).isHtml(200);
            assertThat(page.body()).as(url).contains(ESCAPED_NAME).doesNotContain("<img src=x", "\"Tom\"");
        }
    }

    @Test
    void rasterImagesGetAnInlinePreviewThatIsSandboxed() throws IOException {
        Session session = signInNewUser();
        byte[] png = image("png");
        JsonNode file = upload(session, "picture.png", png);
        String preview = file.path("url").asText() + "~p";

        assertThat(page(file.path("url").asText()).isHtml(200).body()).contains("<img src=\"" + preview + "\"");
        HttpResponse<byte[]> image = api().fetch(preview);
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(image.headers().firstValue("Content-Security-Policy")).hasValue("sandbox");
        assertThat(image.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(image.body()).isEqualTo(png);
        JsonNode jpeg = upload(session, "photo.jpg", image("jpg"));
        assertThat(api().fetch(jpeg.path("url").asText() + "~p").headers().firstValue("Content-Type"))
                .hasValue("image/jpeg");
    }

    @Test
    void nothingButRasterImagesIsServedInline() {
        Session session = signInNewUser();
        JsonNode text = upload(session, "page.txt", "<b>hi</b>".getBytes(StandardCharsets.UTF_8));
        JsonNode svg = upload(session, "drawing.svg", ("<svg xmlns=\"http://www.w3.org/2000/svg\">"
                + "<script>alert(1)</script></svg>").getBytes(StandardCharsets.UTF_8));
        JsonNode html = upload(session, "fake.html", "<html><script>alert(1)</script></html>"
                .getBytes(StandardCharsets.UTF_8));
        // The owner may claim any type; the bytes decide what is shown inline.
        session.call("file/edit", "file_id", html.path("file_id").asText(), "fileType", "image/png");

        assertThat(page(text.path("url").asText()).isHtml(200).body()).doesNotContain("<img");
        assertThat(page(svg.path("url").asText()).isHtml(200).body()).doesNotContain("<img");
        for (JsonNode file : List.of(text, svg, html)) {
            page(file.path("url").asText() + "~p").isNotFound();
        }
    }

    @Test
    void whenGuestsMustWaitThePageCountsDownAndTheLinkWorksAfterIt() {
        JsonNode file = upload(signInNewUser(), "later.txt", "wait for it".getBytes(StandardCharsets.UTF_8));
        server.app().components().packageAdmin().set(Actor.cli(), "Guest", "wait_between_downloads", "30");
        try {
            Page page = page(file.path("url").asText()).isHtml(200);

            assertThat(page.body()).contains("class=\"gate\" style=\"--wait: 30s; --steps: 30\"", "class=\"countdown\"");
            String link = page.downloadLink();
            HttpResponse<byte[]> early = api().fetch(link);
            assertThat(early.statusCode()).isEqualTo(429);
            assertThat(early.headers().firstValue("Retry-After")).hasValue("30");
            server.clock().advance(Duration.ofSeconds(30));
            assertThat(api().fetch(link).statusCode()).isEqualTo(200);
        } finally {
            server.app().components().packageAdmin().set(Actor.cli(), "Guest", "wait_between_downloads", "0");
        }
    }

    @Test
    void unknownAndMalformedShortUrlsAre404Pages() {
        String site = api().base();
        JsonNode file = upload(signInNewUser(), "known.txt", "known".getBytes(StandardCharsets.UTF_8));
        String known = file.path("url").asText();

        for (String url : List.of(site + "/" + ShortUrls.encode(987_654_321L), site + "/0", site + "/zz~z~i",
                site + "/" + "Z".repeat(40), site + "/%3Cscript%3E", known + "~x", known + "~", known + "~ii",
                site + "/" + ShortUrls.encode(987_654_321L) + "~i", site + "/" + ShortUrls.encode(987_654_321L) + "~s")) {
            page(url).isNotFound();
        }
    }

    @Test
    void pagesOtherThanDeleteCannotBePosted() {
        JsonNode file = upload(signInNewUser(), "posted.txt", "post".getBytes(StandardCharsets.UTF_8));

        Page page = Page.of(api().request("POST", file.path("url").asText()));

        assertThat(page.isHtml(405).response().headers().firstValue("Allow")).hasValue("GET, HEAD");
    }
}
