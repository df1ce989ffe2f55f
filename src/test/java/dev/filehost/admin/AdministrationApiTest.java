package dev.filehost.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.filehost.ban.BanScope;
import dev.filehost.ban.Bans;
import dev.filehost.core.Refusal;
import dev.filehost.file.FileStatus;
import dev.filehost.file.UploadRules;
import dev.filehost.site.SiteSettings;
import dev.filehost.support.ApiClient;
import dev.filehost.support.ApiReply;
import dev.filehost.support.ApiTestBase;
import dev.filehost.support.Cli;
import dev.filehost.support.Session;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator's tools through the CLI, and what the API then answers on the same data. */
class AdministrationApiTest extends ApiTestBase {
    private static final Pattern BAN_ID = Pattern.compile("Ban (\\d+):");
    private static final Actor PANEL = new Actor("admin", "192.0.2.10");

    @TempDir
    Path dir;

    private Cli.Operator cli() throws IOException {
        return Cli.on(server, dir);
    }

    /** The CLI wrote to the database; the server's per-node caches read it again after this. */
    private static void afterCachesExpire() {
        server.clock().advance(Bans.REFRESH.plus(SiteSettings.REFRESH));
    }

    private static Cli.Run succeeded(Cli.Run run) {
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anUploadBanRefusesUploadsAndUrlImportsUntilRemoved() throws IOException {
        Session session = signInNewUser();
        Cli.Run added = succeeded(cli().run("ban", "add", "127.0.0.0/8", "--scope", "upload", "--expires-in", "7d",
                "--note", "spam wave"));
        Matcher id = BAN_ID.matcher(added.out());
        assertThat(id.find()).as(added.out()).isTrue();
        afterCachesExpire();

        ApiReply upload = session.upload("a.txt", bytes("hello"));
        assertThat(upload.isError()).isTrue();
        assertThat(upload.message()).isEqualTo(BanScope.UPLOAD.text());
        ApiReply urlImport = session.call("file/url_upload_add", "file_url_base64",
                Base64.getEncoder().encodeToString(bytes("https://example.com/a.txt")));
        assertThat(urlImport.message()).isEqualTo(BanScope.UPLOAD.text());
        assertThat(session.call("account/info").isSuccess()).isTrue();
        assertThat(cli().run("ban", "list").out()).contains("127.0.0.0/8", "upload", "spam wave", "yes");

        succeeded(cli().run("ban", "remove", id.group(1)));
        afterCachesExpire();

        assertThat(session.upload("a.txt", bytes("hello")).isSuccess()).isTrue();
        assertThat(cli().run("audit", "list").out()).contains("ban.add", "127.0.0.0/8 from upload", "ban.remove");
    }

    @Test
    void aDownloadBanAnswersTheDownloadRouteWithAPageUntilItExpires() {
        Session session = signInNewUser();
        String fileId = session.upload("song.mp3", bytes("la la la")).data().get(0).path("file_id").asText();
        String url = session.call("file/download", "file_id", fileId).data().path("download_url").asText();
        var ban = server.app().components().banAdmin().add(PANEL, "127.0.0.1", BanScope.DOWNLOAD,
                Duration.ofMinutes(1), null);

        var refused = api().fetch(url);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(new String(refused.body(), StandardCharsets.UTF_8))
                .contains("Downloads to your address are blocked by the site");
        assertThat(session.upload("b.txt", bytes("still fine")).isSuccess()).isTrue();

        server.clock().advance(Duration.ofMinutes(2));

        assertThat(api().fetch(url).body()).isEqualTo(bytes("la la la"));
        server.app().components().banAdmin().remove(PANEL, ban.id());
    }

    @Test
    void aSiteBanRefusesEveryApiCallWithTheEnvelope() throws IOException {
        NewUser user = newUser("1");
        succeeded(cli().run("ban", "add", "127.0.0.1", "--scope", "site"));
        afterCachesExpire();

        ApiReply authorize = api().post("authorize",
                ApiClient.params("key1", user.keys().key1(), "key2", user.keys().key2()));
        assertThat(authorize.isError()).isTrue();
        assertThat(authorize.message()).isEqualTo(BanScope.SITE.text());

        var ban = server.app().components().banAdmin().list().getFirst();
        server.app().components().banAdmin().remove(PANEL, ban.id());
        assertThat(signIn(user).call("account/info").isSuccess()).isTrue();
    }

    @Test
    void siteSettingsApplyWithoutARestartAndMaintenanceLetsAdminsIn() throws IOException {
        Session session = signInNewUser();
        var admin = server.admin();
        assertThat(cli().run("site", "show").out()).containsPattern("uploads\\s+default\\s+on");

        succeeded(cli().run("site", "set", "uploads", "off"));
        afterCachesExpire();
        assertThat(session.upload("a.txt", bytes("x")).message()).isEqualTo(UploadRules.UPLOADS_DISABLED);

        succeeded(cli().run("site", "set", "maintenance-message", "Back at noon."));
        succeeded(cli().run("site", "set", "maintenance", "on"));
        afterCachesExpire();
        assertThat(session.call("account/info").message()).isEqualTo("Back at noon.");
        Session adminSession = signIn(new NewUser(admin.accountId(), admin.username(), admin.password(), admin.keys()));
        assertThat(adminSession.call("account/info").isSuccess()).isTrue();

        succeeded(cli().run("site", "set", "maintenance", "off"));
        succeeded(cli().run("site", "set", "uploads", "on"));
        afterCachesExpire();
        assertThat(session.upload("a.txt", bytes("x")).isSuccess()).isTrue();
        assertThat(cli().run("site", "show").out()).containsPattern("uploads\\s+database\\s+on");
        Cli.Run unknown = cli().run("site", "set", "colour", "blue");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown setting 'colour'");
        assertThat(cli().run("audit", "list").out()).contains("site.set", "maintenance", "off -> on");
    }

    @Test
    void removingAReportedFileTrashesItAndMarksIt() throws IOException {
        Session session = signInNewUser();
        var reportedFile = session.upload("reported.txt", bytes("reported.txt")).data().get(0);
        var keptFile = session.upload("kept.txt", bytes("kept.txt")).data().get(0);
        long reported = reportedFile.path("file_id").asLong();
        long kept = keptFile.path("file_id").asLong();
        AbuseReports reports = server.app().components().abuseReports();
        AbuseReport first = reports.file(reported, "Copyright infringement", "owner@example.test", "My song.",
                "198.51.100.7");
        AbuseReport second = reports.file(kept, "Spam", "someone@example.test", "Looks like spam.", "198.51.100.7");
        assertThat(cli().run("report", "list", "--status", "open").out())
                .contains("Copyright infringement", "Looks like spam.");

        succeeded(cli().run("report", "remove", Long.toString(first.id())));
        succeeded(cli().run("report", "dismiss", Long.toString(second.id())));

        assertThat(session.call("file/info", "file_id", Long.toString(reported)).data().path("status").asText())
                .isEqualTo(FileStatus.TRASH.value());
        assertThat(session.call("file/info", "file_id", Long.toString(kept)).data().path("status").asText())
                .isEqualTo(FileStatus.ACTIVE.value());
        assertThat(reports.removedAfterReport(reportedFile.path("short_url").asText())).isTrue();
        assertThat(reports.removedAfterReport(keptFile.path("short_url").asText())).isFalse();
        assertThat(cli().run("report", "list", "--status", "open").out()).doesNotContain("Copyright infringement");
        assertThat(cli().run("report", "dismiss", Long.toString(second.id())).err()).contains("already dismissed");
        assertThat(cli().run("audit", "list", "--since", "1h").out()).contains("report.remove", "report.dismiss");
    }

    @Test
    void reportsAreLimitedPerAddressAndChecked() {
        long file = fileOf(signInNewUser(), "popular.txt");
        AbuseReports reports = server.app().components().abuseReports();
        for (int i = 0; i < AbuseReports.REPORTS_PER_MINUTE; i++) {
            reports.file(file, "Spam", "r@example.test", "Report " + i, "203.0.113.9");
        }

        assertThatThrownBy(() -> reports.file(file, "Spam", "r@example.test", "One more", "203.0.113.9"))
                .isInstanceOf(Refusal.class).hasMessage(Refusal.rateLimited(1).getMessage());
        assertThatThrownBy(() -> reports.file(file, "Spam", "not-an-email", "Details", "203.0.113.10"))
                .isInstanceOf(Refusal.class).hasMessage("Please provide a valid email address.");
        assertThatThrownBy(() -> reports.file(file, "I dislike it", "r@example.test", "Details", "203.0.113.10"))
                .isInstanceOf(Refusal.class).hasMessageStartingWith("Please choose one of the reasons:");
        assertThatThrownBy(() -> reports.file(Long.MAX_VALUE, "Spam", "r@example.test", "Details", "203.0.113.10"))
                .isInstanceOf(Refusal.class).hasMessage(AbuseReports.NO_FILE);
    }

    @Test
    void userAndPackageChangesAreAuditedAndEndingTokensSignsOut() throws IOException {
        NewUser user = newUser("1");
        Session session = signIn(user);
        succeeded(cli().run("package", "set", "Free Account", "max_upload_size=1073741824"));
        server.app().components().userAdmin().endTokens(PANEL, user.username());

        assertThat(session.call("account/info").isError()).isTrue();
        Session again = signIn(user);
        succeeded(cli().run("user", "end-tokens", user.username()));
        assertThat(again.call("account/info").isError()).isTrue();
        // The server records with its test clock, early in 2026; the CLI looks back from the real time.
        String audit = cli().run("audit", "list", "--since", "52w").out();
        assertThat(audit).contains("package.set", "max_upload_size = 1073741824", "cli:");
        assertThat(audit).containsPattern("admin\\s+192\\.0\\.2\\.10\\s+user.end-tokens\\s+" + user.username());
    }

    @Test
    void fileSearchFindsByNameOwnerChecksumsAndShortUrl() throws IOException {
        NewUser user = newUser("1");
        Session session = signIn(user);
        String name = "Holiday-" + user.username() + ".jpg";
        var uploaded = session.upload(name, bytes("sun and sea " + user.username())).data().get(0);
        String id = uploaded.path("file_id").asText();
        String sha256 = server.app().components().fileSearch()
                .find(FileSearch.Query.of(FileSearch.By.NAME, name)).files().getFirst().blobSha256();

        assertThat(succeeded(cli().run("file", "search", "--name", name.toUpperCase())).out()).contains(name);
        assertThat(cli().run("file", "search", "--owner", user.username()).out()).contains(name);
        assertThat(cli().run("file", "search", "--md5", uploaded.path("hash").asText()).out()).contains(name);
        assertThat(cli().run("file", "search", "--sha256", sha256).out()).contains(name);
        assertThat(cli().run("file", "search", "--short-url", uploaded.path("short_url").asText()).out())
                .containsPattern(id + "\\s");
        assertThat(cli().run("file", "search", "--name", "no such name").out()).doesNotContain(name);
        assertThat(cli().run("file", "search", "--md5", "xyz").err()).contains("an MD5 is 32 hex digits");
    }

    @Test
    void fileSearchFiltersBySizeTypeAndDayAndSortsAndPages() throws IOException {
        NewUser user = newUser("1");
        Session session = signIn(user);
        String tag = user.username();
        session.upload("small-" + tag + ".txt", bytes("x".repeat(10)));
        session.upload("large-" + tag + ".txt", bytes("x".repeat(3000)));
        session.upload("photo-" + tag + ".png", bytes("y".repeat(500)));

        String bySize = succeeded(cli().run("file", "search", "--owner", tag, "--min-size", "1K", "--max-size", "3KB"))
                .out();
        assertThat(bySize).contains("large-" + tag).doesNotContain("small-" + tag, "photo-" + tag);
        assertThat(cli().run("file", "search", "--owner", tag, "--type", "png").out())
                .contains("photo-" + tag).doesNotContain("large-" + tag);
        assertThat(cli().run("file", "search", "--owner", tag, "--type", "text/").out())
                .contains("large-" + tag, "small-" + tag);
        assertThat(cli().run("file", "search", "--owner", tag, "--type", "image/").out()).doesNotContain(tag);
        String today = java.time.LocalDate.ofInstant(server.clock().instant(), java.time.ZoneOffset.UTC).toString();
        assertThat(cli().run("file", "search", "--owner", tag, "--from", today, "--to", today).out())
                .contains("small-" + tag, "large-" + tag, "photo-" + tag).contains("127.0.0.1");
        String yesterday = java.time.LocalDate.parse(today).minusDays(1).toString();
        assertThat(cli().run("file", "search", "--owner", tag, "--to", yesterday).out()).doesNotContain(tag);
        String bySizeAscending = cli().run("file", "search", "--owner", tag, "--sort", "size", "--ascending").out();
        assertThat(bySizeAscending.indexOf("small-" + tag)).isLessThan(bySizeAscending.indexOf("photo-" + tag));
        assertThat(bySizeAscending.indexOf("photo-" + tag)).isLessThan(bySizeAscending.indexOf("large-" + tag));
        assertThat(cli().run("file", "search", "--owner", tag, "--page", "2").out()).doesNotContain(tag);
        assertThat(cli().run("file", "search", "--min-size", "2K", "--max-size", "1K").err())
                .contains("the smallest size is larger than the largest");
    }

    private static long fileOf(Session session, String name) {
        return session.upload(name, bytes(name)).data().get(0).path("file_id").asLong();
    }
}
