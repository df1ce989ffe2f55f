package dev.filehost.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filehost.admin.Actor;
import dev.filehost.ban.Ban;
import dev.filehost.config.ConfiguredSetting;
import dev.filehost.support.ApiTestBase;
import dev.filehost.support.Session;
import dev.filehost.support.SiteClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The panel's moderation sections (files, reports, bans, imports, settings, audit log) without a browser. */
class AdminModerationPagesTest extends ApiTestBase {
    private static final String SMTP_SECRET = "hunter2-smtp-secret";

    /** Imports stay pending; a secret and a plain setting come from the environment. */
    @Override
    protected Map<String, String> serverEnvironment() {
        return Map.of("FILEHOST_URL_IMPORT_WORKERS", "0", "FILEHOST_SMTP_PASSWORD", SMTP_SECRET,
                "FILEHOST_TRASH_RETENTION_DAYS", "12");
    }

    private static SiteClient signedIn(NewUser user) {
        SiteClient client = new SiteClient("http://127.0.0.1:" + server.app().port());
        client.submit("/account/login", "/account/login", "username", user.username(), "password", user.password());
        return client;
    }

    private static SiteClient admin() {
        return signedIn(newUser("20"));
    }

    private static String fileStatus(Session session, String fileId) {
        return session.call("file/info", "file_id", fileId).data().path("status").asText();
    }

    @Test
    void filesAreFilteredBySizeTypeAndDaySortedAndTrashedTogether() {
        NewUser owner = newUser("1");
        Session session = signIn(owner);
        String small = session.upload("small.txt", new byte[10]).data().get(0).path("file_id").asText();
        String large = session.upload("large.txt", new byte[3000]).data().get(0).path("file_id").asText();
        session.upload("other.png", new byte[500]);
        SiteClient admin = admin();

        String bySize = admin.get("/admin/files?by=owner&q=" + owner.username() + "&min=1K&max=3KB").body();
        assertThat(bySize).contains("large.txt", owner.username(), "127.0.0.1").doesNotContain("small.txt", "other.png");
        assertThat(admin.get("/admin/files?by=owner&q=" + owner.username() + "&type=png").body())
                .contains("other.png").doesNotContain("large.txt");
        String bySizeAscending = admin.get("/admin/files?by=owner&q=" + owner.username() + "&sort=size&order=asc")
                .body();
        assertThat(bySizeAscending.indexOf("small.txt")).isLessThan(bySizeAscending.indexOf("other.png"));
        assertThat(bySizeAscending.indexOf("other.png")).isLessThan(bySizeAscending.indexOf("large.txt"));
        assertThat(admin.get("/admin/files?by=owner&q=" + owner.username() + "&to=2000-01-01").body())
                .contains("No files found.");
        HttpResponse<String> bad = admin.get("/admin/files?min=lots");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("is not a size such as 2048, 500K or 1.5GB");

        HttpResponse<String> trashed = admin.submit("/admin/files", "/admin/files/trash", "ids", small, "ids", large,
                "back", "/admin/files?by=owner&q=" + owner.username());

        assertThat(trashed.statusCode()).isEqualTo(303);
        assertThat(trashed.headers().firstValue("Location").orElseThrow())
                .isEqualTo("/admin/files?by=owner&q=" + owner.username() + "&done=trashed");
        assertThat(fileStatus(session, small)).isEqualTo("trash");
        assertThat(fileStatus(session, large)).isEqualTo("trash");
        assertThat(admin.get("/admin/audit?action=file.trash").body()).contains("2 files", "small.txt", "large.txt");
    }

    @Test
    void aReportIsDismissedAndTheFileStays() {
        Session owner = signInNewUser();
        var file = owner.upload("kept.txt", new byte[] {1}).data().get(0);
        server.clock().advance(java.time.Duration.ofMinutes(2));
        SiteClient visitor = new SiteClient("http://127.0.0.1:" + server.app().port());
        String page = "/" + file.path("short_url").asText();
        visitor.submit(page, page + "~r", "reason", "Spam", "email", "r@example.test", "details", "Dismiss me.");
        var report = server.app().components().abuseReports().list(null).stream()
                .filter(r -> r.details().equals("Dismiss me.")).findFirst().orElseThrow();
        SiteClient admin = admin();

        String queue = admin.get("/admin/reports").body();
        assertThat(queue).contains("kept.txt", "Spam", "r@example.test", "Dismiss me.", "127.0.0.1",
                "aria-label=\"Dismiss report " + report.id() + "\"");
        HttpResponse<String> dismissed = admin.submit("/admin/reports", "/admin/reports/" + report.id() + "/dismiss");
        assertThat(dismissed.statusCode()).isEqualTo(303);
        assertThat(fileStatus(owner, file.path("file_id").asText())).isEqualTo("active");
        HttpResponse<String> again = admin.submit("/admin/reports", "/admin/reports/" + report.id() + "/dismiss");
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("already dismissed");
    }

    @Test
    void bansAreAddedAndRemovedFromThePanel() {
        SiteClient admin = admin();

        HttpResponse<String> refused = admin.submit("/admin/bans", "/admin/bans", "range", "not-an-address",
                "scope", "upload", "expires", "", "note", "typo");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("&#39;not-an-address&#39; is not an IP address or CIDR range",
                "value=\"typo\"");

        HttpResponse<String> added = admin.submit("/admin/bans", "/admin/bans", "range", "198.51.100.0/24",
                "scope", "download", "expires", "P7D", "note", "hotlinking");
        assertThat(added.statusCode()).isEqualTo(303);
        Ban ban = server.app().components().banAdmin().list().stream()
                .filter(b -> "hotlinking".equals(b.note())).findFirst().orElseThrow();
        assertThat(ban.expiresAt()).isEqualTo(ban.createdAt() + java.time.Duration.ofDays(7).toMillis());
        assertThat(admin.get("/admin/bans").body()).contains("198.51.100.0/24", "download", "hotlinking");

        HttpResponse<String> removed = admin.submit("/admin/bans", "/admin/bans/" + ban.id() + "/remove");
        assertThat(removed.statusCode()).isEqualTo(303);
        assertThat(server.app().components().banAdmin().list()).noneMatch(b -> b.id() == ban.id());
        assertThat(admin.get("/admin/audit?action=ban").body()).contains("ban.add", "198.51.100.0/24", "ban.remove");
    }

    @Test
    void importsAreFilteredByStatusAndCancelled() {
        Session session = signInNewUser();
        long id = session.call("file/url_upload_add", "file_url_base64", Base64.getEncoder()
                        .encodeToString("https://files.example.com/panel.iso".getBytes(StandardCharsets.UTF_8)))
                .data().path("scheduled_item_id").asLong();
        SiteClient admin = admin();

        assertThat(admin.get("/admin/imports?status=pending").body())
                .contains("https://files.example.com/panel.iso", "aria-label=\"Cancel import " + id + "\"");
        assertThat(admin.get("/admin/imports?status=complete").body())
                .doesNotContain("https://files.example.com/panel.iso");

        HttpResponse<String> cancelled = admin.submit("/admin/imports", "/admin/imports/" + id + "/cancel");

        assertThat(cancelled.statusCode()).isEqualTo(303);
        assertThat(session.call("file/url_upload_status", "scheduled_item_id", Long.toString(id)).data()
                .path("status").asText()).isEqualTo("cancelled");
        assertThat(admin.get("/admin/imports?status=cancelled").body()).contains("https://files.example.com/panel.iso");
        assertThat(admin.submit("/admin/imports", "/admin/imports/" + id + "/cancel").statusCode()).isEqualTo(400);
        assertThat(admin.get("/admin/audit?action=import.cancel").body()).contains("import " + id);
    }

    @Test
    void siteSettingsChangedInThePanelApplyAtOnce() {
        SiteClient admin = admin();
        Session uploader = signInNewUser();
        try {
            HttpResponse<String> saved = admin.submit("/admin/settings", "/admin/settings", "site-name", "Panel Files",
                    "registration", "closed", "uploads", "off", "maintenance", "off",
                    "maintenance-message", "Back soon.");

            assertThat(saved.statusCode()).isEqualTo(303);
            assertThat(new SiteClient("http://127.0.0.1:" + server.app().port()).get("/register").body())
                    .contains("<title>Register · Panel Files</title>", "This site does not take new accounts");
            assertThat(uploader.upload("off.txt", new byte[] {1}).isError()).isTrue();
            assertThat(admin.get("/admin/audit?action=site.set").body()).contains("registration", "open -&gt; closed");
            HttpResponse<String> bad = admin.submit("/admin/settings", "/admin/settings", "site-name", " ");
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body()).contains("site-name must be 1 to 100 characters");
        } finally {
            admin.submit("/admin/settings", "/admin/settings", "site-name", server.settings().siteName(),
                    "registration", "open", "uploads", "on", "maintenance-message",
                    "The site is down for maintenance. Please try again later.");
        }
        assertThat(uploader.upload("on.txt", new byte[] {1}).isSuccess()).isTrue();
    }

    @Test
    void startUpSettingsAreShownReadOnlyWithSecretsMasked() {
        String page = admin().get("/admin/settings").body();

        assertThat(page).contains("FILEHOST_TRASH_RETENTION_DAYS", "environment", "FILEHOST_SMTP_PASSWORD",
                ConfiguredSetting.SECRET_SET, "FILEHOST_DB_PASSWORD").doesNotContain(SMTP_SECRET);
        assertThat(page).containsPattern("FILEHOST_PORT</code></td><td class=\"wrap\">[0-9]+</td><td>");
    }

    @Test
    void theAuditLogIsFilteredByActorActionAndDayAndPaged() {
        var audit = server.app().components().audit();
        Actor paging = new Actor("pager-admin", "192.0.2.55");
        for (int i = 0; i < dev.filehost.admin.AuditLog.PER_PAGE + 2; i++) {
            audit.record(paging, "test.paging", "item " + i, "entry " + i);
        }
        SiteClient admin = admin();

        String first = admin.get("/admin/audit?actor=pager&action=test.paging").body();
        assertThat(first).contains("pager-admin", "192.0.2.55", "item 51", "Next page").doesNotContain(">item 0<");
        String second = admin.get("/admin/audit?actor=pager&action=test.paging&page=2").body();
        assertThat(second).contains(">item 0<", ">item 1<", "Previous page").doesNotContain("Next page");
        assertThat(admin.get("/admin/audit?actor=pager&to=2000-01-01").body()).contains("No entries.");
        assertThat(admin.get("/admin/audit?from=yesterday").statusCode()).isEqualTo(400);
    }

    @Test
    void everyModerationFormRefusesAMissingCsrfTokenAndOthersGetNotFound() {
        SiteClient admin = admin();
        SiteClient user = signedIn(newUser("1"));
        admin.get("/admin/files");
        for (String action : List.of("/admin/files/trash", "/admin/reports/1/remove", "/admin/reports/1/dismiss",
                "/admin/bans", "/admin/bans/1/remove", "/admin/imports/1/cancel", "/admin/settings")) {
            assertThat(admin.post(action, "range", "192.0.2.1", "scope", "site").statusCode()).as(action)
                    .isEqualTo(403);
            assertThat(user.post(action, "csrf", "x").statusCode()).as(action).isEqualTo(404);
        }
        for (String path : List.of("/admin/files", "/admin/reports", "/admin/bans", "/admin/imports",
                "/admin/settings", "/admin/audit")) {
            assertThat(user.get(path).statusCode()).as(path).isEqualTo(404);
            assertThat(admin.get(path).statusCode()).as(path).isEqualTo(200);
        }
        assertThat(server.app().components().banAdmin().list()).noneMatch(ban -> ban.range().toString()
                .equals("192.0.2.1/32"));
    }
}
