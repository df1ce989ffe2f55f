package dev.filehost.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filehost.admin.AbuseReport;
import dev.filehost.admin.Actor;
import dev.filehost.ban.BanScope;
import dev.filehost.support.ApiClient;
import dev.filehost.support.ApiReply;
import dev.filehost.support.Browser;
import dev.filehost.support.Session;
import dev.filehost.support.TestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/**
 * Moderation in a real browser: a visitor reports a file, the admin removes it and bans an address from
 * uploading and downloading, and the audit log shows it all. The ban is on loopback, the address of the test's
 * API client and of the browser alike: the panel's pages stay open to a banned address, so the admin keeps
 * working while the API client is refused. Screenshots at desktop and phone width go to target/screenshots.
 */
class AdminModerationBrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
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

    private static Session uploader() {
        String username = "owner";
        var admin = server.app().components().userAdmin();
        admin.add(Actor.cli(), username, "owner password", "owner@example.test", "1");
        var keys = admin.newKeys(Actor.cli(), username);
        ApiReply reply = server.client().post("authorize", ApiClient.params("key1", keys.key1(), "key2", keys.key2()));
        return new Session(server.client(), reply.data().path("access_token").asText(),
                reply.data().path("account_id").asText());
    }

    /** Picks an option of a select by typing its start, as a keyboard user does. */
    private static void choose(String name, String option) {
        WebElement select = browser.find("combobox", name);
        select.sendKeys(option);
        assertThat(browser.script("return arguments[0].selectedOptions[0].text;", select)).isEqualTo(option);
    }

    @Test
    void aVisitorReportsAFileTheAdminRemovesItBansAnAddressAndTheAuditLogShowsIt() {
        Session owner = uploader();
        var reported = owner.upload("suspicious.zip", "not what it says".getBytes(StandardCharsets.UTF_8))
                .data().get(0);
        String kept = owner.upload("kept.txt", "fine".getBytes(StandardCharsets.UTF_8)).data().get(0)
                .path("file_id").asText();
        String page = "/" + reported.path("short_url").asText();

        // A visitor, not signed in, reports the file from its page.
        browser.open(page);
        browser.click("button", "Report this file");
        choose("Reason", "Malware or phishing");
        browser.fill("textbox", "Your email", "visitor@example.test");
        browser.fill("textbox", "Details", "The archive holds a trojan.");
        browser.screenshots("report-form");
        browser.go("button", "Send report");
        browser.waitForText("Thank you. Your report was sent to the site's administrators.", WAIT);
        browser.screenshots("report-sent");

        // The admin signs in and works the queue.
        var credentials = server.admin();
        browser.open("/account/login");
        browser.fill("textbox", "Username", credentials.username());
        browser.fill("textbox", "Password", credentials.password());
        browser.go("button", "Sign in");
        browser.open("/admin");
        browser.go("link", "Reports");
        AbuseReport report = server.app().components().abuseReports().list(null).getFirst();
        assertThat(browser.text()).contains("suspicious.zip", "Malware or phishing", "visitor@example.test",
                "The archive holds a trojan.", "127.0.0.1");
        browser.screenshots("admin-reports");
        browser.go("button", "Remove file of report " + report.id());
        browser.waitForText("its page now says it was removed after a report", WAIT);

        browser.open(page);
        assertThat(browser.find("heading", "Not found")).isNotNull();
        assertThat(browser.text()).contains("This file was removed after a report.");
        browser.screenshots("removed-after-report");

        // Loopback is banned from uploading and from downloading; the panel stays open to it.
        browser.open("/admin/bans");
        for (String scope : new String[] {"Uploading", "Downloading"}) {
            browser.fill("textbox", "Address or CIDR range", "127.0.0.1");
            choose("Keep it from", scope);
            choose("Lasting", "1 day");
            browser.fill("textbox", "Note", "test client");
            browser.go("button", "Add ban");
            browser.waitForText("The ban is in force.", WAIT);
        }
        assertThat(browser.text()).contains("127.0.0.1/32", "upload", "download", "test client");
        browser.screenshots("admin-bans");

        ApiReply upload = owner.upload("after-ban.txt", "refused".getBytes(StandardCharsets.UTF_8));
        assertThat(upload.isError()).isTrue();
        assertThat(upload.message()).isEqualTo(BanScope.UPLOAD.text());
        String downloadUrl = owner.call("file/download", "file_id", kept).data().path("download_url").asText();
        var download = server.client().fetch(downloadUrl);
        assertThat(download.statusCode()).isEqualTo(403);
        assertThat(new String(download.body(), StandardCharsets.UTF_8)).contains(BanScope.DOWNLOAD.text()
                .replace("'", "&#39;"));

        browser.open("/admin/audit");
        assertThat(browser.text()).contains("report.remove", "ban.add", "127.0.0.1/32 from upload",
                "127.0.0.1/32 from download", credentials.username());
        browser.screenshots("admin-audit");
        browser.open("/admin/audit?action=ban.add");
        assertThat(browser.text()).contains("ban.add").doesNotContain("report.remove");

        browser.open("/admin/files?by=owner&q=owner");
        assertThat(browser.text()).contains("suspicious.zip", "trash", "kept.txt", "active", "127.0.0.1");
        browser.screenshots("admin-files");
        browser.open("/admin/imports");
        browser.screenshots("admin-imports");
        browser.open("/admin/settings");
        browser.screenshots("admin-settings");

        browser.driver().executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        browser.open("/admin/reports");
        browser.screenshots("admin-reports-dark");
        browser.open("/admin/files?by=owner&q=owner");
        browser.screenshots("admin-files-dark");
        browser.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
    }
}
