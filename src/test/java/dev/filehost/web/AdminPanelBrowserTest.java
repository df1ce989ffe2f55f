package dev.filehost.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filehost.admin.Actor;
import dev.filehost.admin.AuditEntry;
import dev.filehost.auth.ApiKeys;
import dev.filehost.support.ApiClient;
import dev.filehost.support.ApiReply;
import dev.filehost.support.Browser;
import dev.filehost.support.Session;
import dev.filehost.support.TestServer;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/**
 * The admin panel in a real browser, controls found by role and accessible name; screenshots of its pages at
 * desktop and phone width go to target/screenshots. The CSRF and 404 checks of every admin path are in
 * {@link AdminPanelPagesTest}, on both databases.
 */
class AdminPanelBrowserTest {
    private static TestServer server;
    private static Browser browser;

    @BeforeAll
    static void start() {
        server = TestServer.start("sqlite");
        browser = new Browser("http://127.0.0.1:" + server.app().port());
    }

    @AfterAll
    static void stop() throws IOException {
        browser.close();
        server.close();
    }

    private static void signIn(String username, String password) {
        browser.open("/account/login");
        browser.fill("textbox", "Username", username);
        browser.fill("textbox", "Password", password);
        browser.go("button", "Sign in");
    }

    private static Session api(ApiKeys.KeyPair keys) {
        ApiReply reply = server.client().post("authorize", ApiClient.params("key1", keys.key1(), "key2", keys.key2()));
        assertThat(reply.isSuccess()).as(reply.body()).isTrue();
        return new Session(server.client(), reply.data().path("access_token").asText(),
                reply.data().path("account_id").asText());
    }

    /** Gives the dashboard's charts something to show: each day a few uploads, and downloads of them. */
    private static void aWeekOfUploadsAndDownloads(ApiKeys.KeyPair keys) {
        for (int day = 0; day < 7; day++) {
            Session session = api(keys);
            for (int file = 0; file <= day % 3; file++) {
                String id = session.upload("day" + day + "-" + file + ".txt", ("day " + day).getBytes())
                        .data().get(0).path("file_id").asText();
                for (int download = 0; download < day % 4; download++) {
                    String url = session.call("file/download", "file_id", id).data().path("download_url").asText();
                    assertThat(server.client().fetch(url).statusCode()).isEqualTo(200);
                }
            }
            server.clock().advance(Duration.ofDays(1));
        }
    }

    /** Picks an option as a keyboard user does: typing its start into the focused list. */
    private static void choose(String name, String option) {
        WebElement list = browser.find("combobox", name);
        list.sendKeys(option);
        assertThat(browser.script("return arguments[0].selectedOptions[0].text;", list)).isEqualTo(option);
    }

    @Test
    void anAdminMovesAUserToAnotherPackageThenSuspendsThem() {
        var admins = server.app().components().userAdmin();
        admins.add(Actor.cli(), "root", "root password", "root@example.test", "20");
        admins.add(Actor.cli(), "bob", "bob password", "bob@example.test", "1");
        ApiKeys.KeyPair bobKeys = admins.newKeys(Actor.cli(), "bob");
        aWeekOfUploadsAndDownloads(bobKeys);
        Session bob = api(bobKeys);
        assertThat(bob.call("account/package").data().path("label").asText()).isEqualTo("Free Account");

        signIn("root", "root password");
        browser.go("link", "Admin");
        assertThat(browser.find("heading", "Dashboard")).isNotNull();
        browser.screenshots("admin-dashboard");
        browser.go("link", "Users");
        browser.fill("searchbox", "Name or email", "bob");
        browser.go("button", "Search");
        browser.screenshots("admin-users");
        browser.go("link", "bob");
        choose("Package", "Premium Account");
        browser.go("button", "Save account");
        assertThat(browser.text()).contains("The account is saved.");
        browser.screenshots("admin-user");

        ApiReply premium = bob.call("account/package");
        assertThat(premium.data().path("label").asText()).isEqualTo("Premium Account");
        assertThat(premium.data().path("max_upload_size").asText()).isEqualTo("10737418240");

        choose("Status", "suspended");
        browser.go("button", "Save account");
        assertThat(bob.call("account/info").isSuccess()).isFalse();
        assertThat(server.client().post("authorize",
                ApiClient.params("key1", bobKeys.key1(), "key2", bobKeys.key2())).isSuccess()).isFalse();

        browser.go("link", "Packages");
        browser.screenshots("admin-packages");
        browser.go("link", "Premium Account");
        browser.fill("spinbutton", "Max upload size (0: unlimited)", "2048");
        browser.go("button", "Save package");
        assertThat(browser.text()).contains("The package is saved. Its accounts have the new limits now.");
        browser.screenshots("admin-package");
        browser.driver().executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        browser.go("link", "Dashboard");
        browser.screenshots("admin-dashboard-dark");
        browser.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));

        List<AuditEntry> audit = server.app().components().audit().since(Instant.EPOCH, 1000);
        assertThat(audit).filteredOn(entry -> entry.actor().equals("root"))
                .extracting(entry -> entry.address() + " " + entry.action() + " " + entry.target() + " " + entry.change())
                .contains("127.0.0.1 user.set bob package = 2", "127.0.0.1 user.set bob status = suspended",
                        "127.0.0.1 package.set Premium Account max_upload_size = 2048");
    }

    @Test
    void aUserAndAVisitorSeeTheNotFoundPageAtAdmin() {
        server.app().components().userAdmin().add(Actor.cli(), "carol", "carol password", null, "1");

        browser.driver().manage().deleteAllCookies();
        browser.open("/admin/users");
        assertThat(browser.find("heading", "Not found")).isNotNull();
        signIn("carol", "carol password");
        assertThat(browser.all("link", "Admin")).isEmpty();
        browser.open("/admin");
        assertThat(browser.find("heading", "Not found")).isNotNull();
        browser.driver().manage().deleteAllCookies();
    }
}
