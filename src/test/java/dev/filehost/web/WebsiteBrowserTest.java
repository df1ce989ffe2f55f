package dev.filehost.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filehost.support.ApiClient;
import dev.filehost.support.ApiReply;
import dev.filehost.support.Browser;
import dev.filehost.support.Session;
import dev.filehost.support.SiteClient;
import dev.filehost.support.TestServer;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;

/**
 * The website in a real browser (Debian's headless Chromium), as a person uses it: controls found by
 * role and accessible name. Screenshots of each page at desktop and phone width go to target/screenshots.
 */
class WebsiteBrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static TestServer server;
    private static Browser browser;

    @BeforeAll
    static void start() {
        server = TestServer.start("sqlite");
        browser = new Browser(base());
    }

    @AfterAll
    static void stop() throws IOException {
        browser.close();
        server.close();
    }

    private static String base() {
        return "http://127.0.0.1:" + server.app().port();
    }

    @Test
    void aPersonRegistersOrganisesFilesUsesApiKeysAndSignsOut() throws IOException {
        browser.open("/");
        browser.screenshots("welcome");
        browser.go("link", "Create an account");
        browser.screenshots("register");
        browser.fill("textbox", "Username", "alice");
        browser.fill("textbox", "Email", "alice@example.test");
        browser.fill("textbox", "Password", "correct horse");
        browser.fill("textbox", "Password again", "correct horse");
        browser.go("button", "Create account");
        assertThat(browser.path()).isEqualTo("/account");
        assertThat(browser.find("heading", "My files")).isNotNull();

        // Key pairs made on the account page sign a program in at /authorize.
        browser.go("link", "Account");
        browser.go("button", "Create API keys");
        String key1 = browser.find("textbox", "Key 1").getDomProperty("value");
        String key2 = browser.find("textbox", "Key 2").getDomProperty("value");
        browser.screenshots("account-settings");
        ApiReply authorized = server.client().post("authorize", ApiClient.params("key1", key1, "key2", key2));
        assertThat(authorized.isSuccess()).as(authorized.body()).isTrue();
        Session api = new Session(server.client(), authorized.data().path("access_token").asText(),
                authorized.data().path("account_id").asText());
        assertThat(api.upload("notes.txt", "the notes".getBytes()).isSuccess()).isTrue();
        assertThat(api.upload("sunset.png", picture()).isSuccess()).isTrue();

        browser.go("link", "My files");
        browser.fill("textbox", "New folder", "Holiday");
        browser.go("button", "Create folder");
        assertThat(browser.find("heading", "Holiday")).isNotNull();
        String holiday = browser.path();
        assertThat(holiday).startsWith("/account?folder=");

        browser.go("link", "My files");
        browser.screenshots("file-manager");
        // The folder is a link in the tree and in the list; the tree's comes first, and either takes a drop.
        dragOnto(browser.find("checkbox", "Select notes.txt"), browser.all("link", "Holiday").get(0));
        browser.waitForTextGone("notes.txt", WAIT);
        browser.open(holiday);
        browser.waitForText("notes.txt", WAIT);

        browser.click("button", "Share or rename notes.txt");
        assertThat(browser.find("button", "Copy link to notes.txt")).isNotNull();
        browser.screenshots("share-panel");
        browser.fill("textbox", "New name for notes.txt", "minutes.txt");
        browser.go("button", "Rename notes.txt");
        browser.waitForText("minutes.txt", WAIT);
        browser.screenshots("folder");

        browser.fill("searchbox", "Search your files by name", "MINUTES");
        browser.go("button", "Search");
        assertThat(browser.text()).contains("minutes.txt").contains("in Holiday").doesNotContain("sunset.png");

        browser.click("checkbox", "Select minutes.txt");
        browser.go("button", "Delete");
        browser.go("link", "Trash");
        browser.screenshots("trash");
        browser.click("checkbox", "Select minutes.txt");
        browser.go("button", "Restore");
        browser.open(holiday);
        assertThat(browser.text()).contains("minutes.txt");

        String session = browser.driver().manage().getCookieNamed(SiteSessions.SESSION_COOKIE).getValue();
        browser.go("button", "Sign out");
        assertThat(browser.find("heading", "Upload, organise and share your files")).isNotNull();
        SiteClient replay = new SiteClient(base());
        replay.cookies().getCookieStore().add(URI.create(base()), new HttpCookie(SiteSessions.SESSION_COOKIE, session));
        HttpResponse<String> account = replay.get("/account");
        assertThat(account.statusCode()).isEqualTo(303);
        assertThat(account.headers().firstValue("Location")).hasValue("/account/login");
    }

    @Test
    void threeFilesDroppedOnTheUploaderArriveWithTheirLinks() {
        signIn(newUser("dropper"));
        browser.open("/");
        browser.screenshots("uploader");
        browser.script("""
                const zone = document.getElementById('dropzone');
                const files = new DataTransfer();
                files.items.add(new File(['first file'], 'one.txt', {type: 'text/plain'}));
                files.items.add(new File(['second'], 'two.txt', {type: 'text/plain'}));
                files.items.add(new File([new Uint8Array(3 * 1024 * 1024)], 'three.bin'));
                zone.dispatchEvent(new DragEvent('drop', {bubbles: true, cancelable: true, dataTransfer: files}));
                """);
        browser.waitForText("3 of 3 files", WAIT);
        assertThat(browser.script("return performance.getEntriesByType('resource')"
                + ".some(entry => entry.name.includes('/api/v2/tus/'))")).as("uploaded with tus").isEqualTo(true);
        browser.screenshots("uploaded");
        String page = browser.all("textbox", "Page").get(0).getDomProperty("value");
        assertThat(dev.filehost.support.Pages.get(page).body()).contains("one.txt");
        List<String> direct = browser.all("textbox", "Direct link").stream()
                .map(link -> dev.filehost.support.Pages.get(link.getDomProperty("value")).body()).toList();
        assertThat(direct).containsExactlyInAnyOrder("first file", "second", "\0".repeat(3 * 1024 * 1024));
        browser.go("link", "My files");
        assertThat(browser.text()).contains("one.txt").contains("two.txt").contains("three.bin");
        browser.go("button", "Sign out");
    }

    @Test
    void aLargeUploadStoppedByAReloadResumesWhereItStopped() {
        signIn(newUser("resumer"));
        browser.open("/");
        ChromiumNetworkConditions slow = new ChromiumNetworkConditions();
        slow.setUploadThroughput(1_000_000);
        slow.setDownloadThroughput(10_000_000);
        browser.driver().setNetworkConditions(slow);
        dropLargeFile();
        browser.waitUntil(WAIT, "the upload to be under way",
                () -> ((Number) browser.script("return document.querySelector('#queue progress').value")).doubleValue() > 1);
        browser.open("/");
        browser.driver().deleteNetworkConditions();
        dropLargeFile();
        browser.waitForText("1 of 1 files", Duration.ofSeconds(60));
        assertThat(browser.text()).contains("resumed at");
        browser.go("link", "My files");
        assertThat(browser.text()).contains("large.bin").contains("200 MB");
        browser.go("button", "Sign out");
    }

    /** The same file each time (name, size, date): the client finds its earlier upload by them. */
    private static void dropLargeFile() {
        browser.script("""
                const files = new DataTransfer();
                files.items.add(new File([new Uint8Array(200 * 1024 * 1024)], 'large.bin', {lastModified: 1700000000000}));
                document.getElementById('dropzone')
                    .dispatchEvent(new DragEvent('drop', {bubbles: true, cancelable: true, dataTransfer: files}));
                """);
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenChangesNothing() {
        signIn(newUser("careful"));
        browser.open("/account");
        browser.script("document.querySelectorAll('input[name=csrf]').forEach(field => field.remove());");
        browser.fill("textbox", "New folder", "Forged");
        browser.go("button", "Create folder");
        assertThat(browser.text()).contains("Nothing was changed");
        browser.open("/account");
        assertThat(browser.text()).doesNotContain("Forged");
        browser.go("button", "Sign out");
    }

    @Test
    void signInAndMissingPagesLookRight() {
        browser.open("/account/login");
        browser.screenshots("sign-in");
        browser.open("/no/such/page");
        assertThat(browser.find("heading", "Not found")).isNotNull();
        browser.screenshots("not-found");
    }

    private static String newUser(String name) {
        server.app().components().userAdmin().signUp(name, "pw-" + name, name + "@example.test");
        return name;
    }

    private static void signIn(String name) {
        browser.open("/account/login");
        browser.fill("textbox", "Username", name);
        browser.fill("textbox", "Password", "pw-" + name);
        browser.go("button", "Sign in");
    }

    /** HTML5 drag and drop, as the page's script sees it: chromium-driver's pointer actions do not start one. */
    private static void dragOnto(WebElement inRow, WebElement target) {
        browser.script("""
                const [source, target] = [arguments[0].closest('tr'), arguments[1]];
                const data = new DataTransfer();
                source.dispatchEvent(new DragEvent('dragstart', {bubbles: true, dataTransfer: data}));
                target.dispatchEvent(new DragEvent('dragover', {bubbles: true, cancelable: true, dataTransfer: data}));
                target.dispatchEvent(new DragEvent('drop', {bubbles: true, cancelable: true, dataTransfer: data}));
                """, inRow, target);
    }

    private static byte[] picture() throws IOException {
        BufferedImage image = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new java.awt.GradientPaint(0, 0, new Color(255, 140, 60), 0, 200, new Color(90, 40, 140)));
        g.fillRect(0, 0, 320, 200);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
