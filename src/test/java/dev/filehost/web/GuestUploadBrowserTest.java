package dev.filehost.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filehost.admin.Actor;
import dev.filehost.support.Browser;
import dev.filehost.support.TestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A visitor without an account on a site whose Guest package allows uploads, in a real browser: the file
 * dropped on the home page arrives, and its links download and delete it. Screenshots go to target/screenshots.
 */
class GuestUploadBrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static TestServer server;
    private static Browser browser;

    @BeforeAll
    static void start() {
        server = TestServer.start("sqlite");
        var packages = server.app().components().packageAdmin();
        packages.set(Actor.cli(), "Guest", "can_upload", "1");
        packages.set(Actor.cli(), "Guest", "max_upload_size", "10485760");
        browser = new Browser("http://127.0.0.1:" + server.app().port());
    }

    @AfterAll
    static void stop() throws IOException {
        browser.close();
        server.close();
    }

    @Test
    void aVisitorDropsAFileAndItsLinksDownloadAndDeleteIt() {
        browser.open("/");
        assertThat(browser.find("heading", "Upload files")).isNotNull();
        assertThat(browser.text()).contains("You are uploading without an account", "Up to 10 MB each")
                .doesNotContain("Upload to folder", "Remote URLs");
        browser.screenshots("guest-uploader");

        browser.script("""
                const files = new DataTransfer();
                files.items.add(new File(['postcard from the sea'], 'postcard.txt', {type: 'text/plain'}));
                document.getElementById('dropzone')
                    .dispatchEvent(new DragEvent('drop', {bubbles: true, cancelable: true, dataTransfer: files}));
                """);
        browser.waitForText("1 of 1 files", WAIT);
        browser.screenshots("guest-uploaded");
        darkScreenshots("guest-uploaded-dark");

        String page = browser.find("textbox", "Page").getDomProperty("value");
        String delete = browser.find("textbox", "Delete link").getDomProperty("value");
        assertThat(browser.find("textbox", "HTML").getDomProperty("value"))
                .isEqualTo("<a href=\"" + page + "\">postcard.txt</a>");
        assertThat(browser.find("textbox", "BBCode").getDomProperty("value"))
                .isEqualTo("[url=" + page + "]postcard.txt[/url]");
        Page filePage = Page.of(server.client().fetch(page)).isHtml(200);
        assertThat(filePage.body()).contains("postcard.txt");
        assertThat(new String(server.client().fetch(filePage.downloadLink()).body(), StandardCharsets.UTF_8))
                .isEqualTo("postcard from the sea");
        String direct = browser.find("textbox", "Direct link").getDomProperty("value");
        assertThat(new String(server.client().fetch(direct).body(), StandardCharsets.UTF_8))
                .isEqualTo("postcard from the sea");

        browser.driver().get(delete);
        browser.go("button", "Delete file");
        assertThat(server.client().fetch(page).statusCode()).isEqualTo(404);
    }

    /** The same page as a visitor who prefers dark colours sees it. */
    private static void darkScreenshots(String name) {
        browser.driver().executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        browser.screenshots(name);
        browser.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
    }
}
