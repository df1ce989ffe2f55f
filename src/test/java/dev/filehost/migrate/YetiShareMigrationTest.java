package dev.filehost.migrate;

import static dev.filehost.migrate.OldSite.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.filehost.account.AnonymousOwner;
import dev.filehost.account.UserRepository;
import dev.filehost.admin.Actor;
import dev.filehost.app.Components;
import dev.filehost.config.Settings;
import dev.filehost.file.ShortUrls;
import dev.filehost.progress.Progress;
import dev.filehost.support.ApiClient;
import dev.filehost.support.ApiReply;
import dev.filehost.support.Cli;
import dev.filehost.support.Cli.Run;
import dev.filehost.support.Pages;
import dev.filehost.support.SiteClient;
import dev.filehost.support.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * `filehost migrate yetishare` from a real MariaDB into SQLite and PostgreSQL: a dry run, a run
 * stopped half way, the run that resumes it, then the old site's links, keys, passwords and folder
 * pages on the running server, and a last run that changes nothing.
 */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"sqlite", "postgresql"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class YetiShareMigrationTest {
    private static final Pattern DOWNLOAD_LINK = Pattern.compile("href=\"([^\"]*\\?download_token=[0-9a-f]{64})\"");
    private static final List<String> TABLES = List.of("packages", "users", "api_keys", "folders", "files", "blobs");
    private static final int FILES_BEFORE_THE_STOP = 3;

    @Parameter
    String database;

    private static Path work;
    private static OldSite site;
    private static TestServer server;
    private static Path config;
    private static JsonNode dryRun;
    private static JsonNode resumed;
    private static List<String> usersAfterDryRun;

    /** Stands in for Ctrl-C: the first run stops after a few files. */
    private static final class StopAfterFiles implements Progress {
        private boolean inFiles;
        private int files;

        @Override
        public void stage(String name, long total, long totalBytes) {
            inFiles = name.equals("files");
        }

        @Override
        public void advance(long bytes) {
            if (inFiles && ++files == FILES_BEFORE_THE_STOP) {
                throw new IllegalStateException("stopped half way");
            }
        }

        @Override
        public void finish() {
        }
    }

    @BeforeParameterizedClassInvocation
    static void importTheOldSite(String database) throws Exception {
        work = Files.createTempDirectory("yetishare");
        site = OldSite.create(Files.createDirectories(work.resolve("files")));
        server = TestServer.start(database, Map.of(), settings -> {
            config = writeConfig(settings);
            dryRun = json(cli("--dry-run", "--json"));
            usersAfterDryRun = rows(settings, "users");
            assertThatThrownBy(() -> stoppedRun(settings)).hasMessage("stopped half way");
            resumed = json(cli("--json"));
        });
    }

    @AfterParameterizedClassInvocation
    static void cleanUp() throws IOException, SQLException {
        if (server != null) {
            server.close();
        }
        if (site != null) {
            site.close();
        }
        OldSite.deleteTree(work);
        server = null;
        site = null;
    }

    @Test
    @Order(1)
    void aDryRunChecksEveryFileAndWritesNothing() {
        assertThat(usersAfterDryRun).isEmpty();
        assertThat(dryRun.path("dry_run").asBoolean()).isTrue();
        assertCounts(dryRun, "files", 11, 0, 3);
        assertThat(reasons(dryRun)).anyMatch(r -> r.contains("bytes missing"))
                .anyMatch(r -> r.contains("content MD5 " + OldSite.md5Hex("bit rot")));
    }

    @Test
    @Order(2)
    void theResumedRunImportsWhatTheStoppedOneLeftAndCountsMatch() {
        assertCounts(resumed, "packages", 0, 4, 0);
        assertCounts(resumed, "users", 0, 4, 0);
        assertCounts(resumed, "api_keys", 0, 2, 1);
        assertCounts(resumed, "folders", 0, 6, 0);
        assertCounts(resumed, "files", 11 - FILES_BEFORE_THE_STOP, FILES_BEFORE_THE_STOP, 3);
        assertThat(resumed.path("remote_files").get(0).path("fileId").asLong()).isEqualTo(REMOTE_FILE);
        assertThat(resumed.path("remote_files").get(0).path("server").asText()).isEqualTo("Old FTP box");
        assertThat(skippedIds(resumed, "files")).containsExactlyInAnyOrder(MISSING_FILE, CORRUPT_FILE);
        assertThat(resumed.path("notes").toString()).contains("files deleted on the old site, left out: 1",
                "days_to_keep_trashed_files=30");
        assertThat(count("files")).isEqualTo(11);
        assertThat(count("blobs")).as("the photo's three rows share one blob").isEqualTo(8);
        assertThat(count("folders")).as("six old ones, and the holding folders of private and protected files")
                .isEqualTo(6 + 3);
    }

    @Test
    @Order(3)
    void oldShortUrlsServeTheSameBytes() {
        assertThat(download(ShortUrls.encode(PHOTO_FILE))).isEqualTo(PHOTO);
        assertThat(download(ShortUrls.encode(PHOTO_SAME_STORE))).isEqualTo(PHOTO);
        assertThat(download(WELCOME_CODE)).isEqualTo(WELCOME);
        assertThat(download("wELCOME2024")).as("codes are matched without regard to case").isEqualTo(WELCOME);
        assertThat(download(ShortUrls.encode(ANONYMOUS_FILE))).as("uploaded without an account").isEqualTo(WELCOME);
        assertThat(authorize("username", AnonymousOwner.USERNAME, "password", "!").isSuccess()).isFalse();
        assertThat(ownerOf(ANONYMOUS_FILE)).as("the account of guests' uploads").isEqualTo(AnonymousOwner.USERNAME);
        for (long gone : List.of(TRASHED_FILE, DELETED_FILE, MISSING_FILE, CORRUPT_FILE, OLD_TRASH_FILE)) {
            assertThat(fetch(base() + "/" + ShortUrls.encode(gone)).statusCode()).as("file " + gone).isEqualTo(404);
        }
        assertThat(fetch(base() + "/Welcome2025").statusCode()).isEqualTo(404);
    }

    @Test
    @Order(3)
    void filesPrivateOrProtectedOnTheirOwnStaySo() {
        assertThat(fetch(base() + "/" + ShortUrls.encode(HIDDEN_FILE)).statusCode()).isEqualTo(404);
        assertThat(fetch(base() + "/folder/" + PHOTOS).body()).doesNotContain("hidden.txt");
        assertThat(fetch(base() + "/" + ShortUrls.encode(BOBS_COPY)).statusCode())
                .as("bob's account was private on the old site").isEqualTo(404);
        assertThat(folderNameOf(BOBS_COPY)).isEqualTo(YetiShareMigration.PRIVATE_FOLDER);
        assertThat(folderNameOf(HIDDEN_FILE)).isEqualTo(YetiShareMigration.PRIVATE_FOLDER);

        HttpResponse<String> gate = fetch(base() + "/" + ShortUrls.encode(OWN_PASSWORD_FILE));
        assertThat(gate.statusCode()).isEqualTo(303);
        String folderPage = gate.headers().firstValue("Location").orElseThrow();
        assertThat(fetch(folderPage).body()).contains("type=\"password\"").doesNotContain("own-password.txt");
        String cookie = unlock(folderPage, FILE_PASSWORD)
                .headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        assertThat(fetch(folderPage, "Cookie", cookie).body()).contains("own-password.txt");
    }

    @Test
    @Order(3)
    void anOldShortUrlInAnyCaseOpensTheInfoStatsAndDeletePages() {
        assertThat(fetch(base() + "/welcome2024~i").statusCode()).isEqualTo(200);
        assertThat(fetch(base() + "/WELCOME2024~s").statusCode()).isEqualTo(200);
        HttpResponse<String> delete = fetch(base() + "/" + WELCOME_CODE + "~d?" + WELCOME_DELETE_HASH);
        assertThat(delete.statusCode()).isEqualTo(200);
        assertThat(delete.body()).contains("welcome.txt");
        assertThat(fetch(base() + "/" + WELCOME_CODE + "~d?" + "f".repeat(32)).statusCode()).isEqualTo(403);
    }

    @Test
    @Order(3)
    void oldKeyPairsAuthorize() {
        assertThat(authorize("key1", ALICE_KEY1, "key2", ALICE_KEY2).isSuccess()).isTrue();
        assertThat(authorize("key1", BOB_KEY1, "key2", BOB_KEY2).isSuccess()).isTrue();
        assertThat(authorize("key1", BOB_OLD_KEY1, "key2", BOB_OLD_KEY2).isSuccess()).isFalse();
        assertThat(authorize("key1", ALICE_KEY1, "key2", BOB_KEY2).isSuccess()).isFalse();
    }

    @Test
    @Order(3)
    void oldPasswordsSignInAndAreRehashedOnFirstSuccess() {
        UserRepository users = new UserRepository(server.app().components().database().jdbi());
        assertThat(users.findByUsername("alice").orElseThrow().passwordHash()).startsWith("sha256:1000:");
        assertThat(authorize("username", "alice", "password", "wrong").isSuccess()).isFalse();
        assertThat(users.findByUsername("alice").orElseThrow().passwordHash()).startsWith("sha256:1000:");

        for (String[] account : List.of(new String[] {"alice", ALICE_PASSWORD}, new String[] {"bob", BOB_PASSWORD},
                new String[] {"admin", ADMIN_PASSWORD})) {
            ApiReply first = authorize("username", account[0], "password", account[1]);
            assertThat(first.isSuccess()).as(account[0] + ": " + first.body()).isTrue();
            assertThat(users.findByUsername(account[0]).orElseThrow().passwordHash()).as(account[0]).startsWith("$2");
            assertThat(authorize("username", account[0], "password", account[1]).isSuccess()).isTrue();
        }
        assertThat(users.findByUsername("carol").orElseThrow().status().value()).isEqualTo("pending");
    }

    @Test
    @Order(3)
    void folderPagesHonourPrivacyAndPasswords() {
        assertThat(fetch(base() + "/folder/" + PHOTOS).body()).contains("beach copy.jpg", "Holidays")
                .doesNotContain("Private");
        assertThat(fetch(base() + "/folder/" + HOLIDAYS).body()).contains("beach.jpg");
        assertThat(fetch(base() + "/folder/" + PRIVATE).statusCode()).isEqualTo(404);
        assertThat(fetch(base() + "/" + ShortUrls.encode(SECRET_FILE)).statusCode()).isEqualTo(404);
        assertThat(fetch(base() + "/folder/" + TRASHED_TOP).statusCode()).isEqualTo(404);
        assertThat(fetch(base() + "/folder/" + TRASHED_CHILD).statusCode()).isEqualTo(404);

        String locked = base() + "/folder/" + LOCKED_FOLDER;
        assertThat(fetch(locked).body()).contains("type=\"password\"").doesNotContain("locked.txt");
        assertThat(fetch(base() + "/" + ShortUrls.encode(LOCKED_FILE)).statusCode()).isEqualTo(303);
        HttpResponse<String> unlocked = unlock(locked, FOLDER_PASSWORD);
        String cookie = unlocked.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        assertThat(fetch(locked, "Cookie", cookie).body()).contains("locked.txt");
    }

    @Test
    @Order(3)
    void downloadCountsDeleteHashesAndDatesComeOver() {
        Map<String, Object> welcome = server.app().components().database().jdbi().withHandle(h -> h.createQuery(
                "SELECT downloads, delete_hash, created_at, status FROM files WHERE id = :id")
                .bind("id", WELCOME_FILE).mapToMap().one());
        assertThat(((Number) welcome.get("downloads")).longValue()).isEqualTo(7);
        assertThat(welcome.get("delete_hash").toString().strip()).isEqualTo(WELCOME_DELETE_HASH);
        assertThat(((Number) welcome.get("created_at")).longValue())
                .isEqualTo(java.time.Instant.parse("2023-06-07T08:09:10Z").toEpochMilli());
        assertThat(fileStatus(TRASHED_FILE)).isEqualTo("trash");
        assertThat(fileStatus(OLD_TRASH_FILE)).isEqualTo("trash");
    }

    @Test
    @Order(4)
    void aNewUploadGetsAnIdAfterTheImportedOnes() {
        var user = server.app().components().userAdmin().add(Actor.cli(), "newcomer", "newcomer-pass", null, "1");
        assertThat(user.id()).isGreaterThan(4);
    }

    @Test
    @Order(5)
    void aSecondCompleteRunChangesNothing() {
        Map<String, List<String>> before = snapshot();

        JsonNode again = json(cli("--json"));

        for (String kind : MigrationReport.KINDS) {
            assertThat(again.path("counts").path(kind).path("imported").asLong()).as(kind).isZero();
        }
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    @Order(5)
    void withoutJsonItPrintsProgressLinesAndASummary() {
        Run run = cli();

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("users    4/4", "folders  6/6", "files    14/14", "Import finished:",
                "files " + MISSING_FILE + ": bytes missing", "file " + REMOTE_FILE + " on server 2 (Old FTP box, ftp)");
    }

    @Test
    @Order(5)
    void anotherSiteIntoThisDatabaseIsRefusedWithoutMergeAndOnCollidingIds() {
        String otherSource = site.url() + "?connectTimeout=5000";
        Run plain = cli(otherSource);
        assertThat(plain.exitCode()).isEqualTo(2);
        assertThat(plain.err()).contains("already has accounts or files").contains("--merge");
        Run merge = cli(otherSource, "--merge");
        assertThat(merge.exitCode()).isEqualTo(2);
        assertThat(merge.err()).contains("ids of the old site are taken").contains("users");
    }

    // --- helpers

    private static void stoppedRun(Settings settings) throws Exception {
        try (Components components = Components.open(settings, Clock.systemUTC())) {
            new YetiShareMigration(components.database(), components.blobs(), components.clock())
                    .run(new YetiShareMigration.Options(site.url(), "root", "", site.files, false, false),
                            new StopAfterFiles());
        }
    }

    private static Path writeConfig(Settings settings) {
        try {
            Path file = work.resolve("filehost.properties");
            Files.writeString(file, "filehost.data=" + settings.dataDir() + "\n"
                    + "filehost.db-url=" + settings.dbUrl() + "\n"
                    + "filehost.db-user=" + settings.dbUser() + "\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Run cli(String... extra) {
        boolean sourceGiven = extra.length > 0 && extra[0].startsWith("jdbc:");
        List<String> args = new ArrayList<>(List.of("migrate", "yetishare", "--db-url",
                sourceGiven ? extra[0] : site.url(), "--db-user", "root", "--files", site.files.toString(),
                "--config", config.toString()));
        args.addAll(List.of(extra).subList(sourceGiven ? 1 : 0, extra.length));
        return Cli.run(args.toArray(String[]::new));
    }

    private static JsonNode json(Run run) {
        assertThat(run.exitCode()).as(run.err()).isZero();
        try {
            return new ObjectMapper().readTree(run.out());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertCounts(JsonNode report, String kind, long imported, long unchanged, long skipped) {
        JsonNode counts = report.path("counts").path(kind);
        assertThat(List.of(counts.path("imported").asLong(), counts.path("unchanged").asLong(),
                counts.path("skipped").asLong())).as(kind + " in " + report).containsExactly(imported, unchanged, skipped);
    }

    private static List<String> reasons(JsonNode report) {
        List<String> reasons = new ArrayList<>();
        report.path("skipped").forEach(s -> reasons.add(s.path("reason").asText()));
        return reasons;
    }

    private static List<Long> skippedIds(JsonNode report, String kind) {
        List<Long> ids = new ArrayList<>();
        report.path("skipped").forEach(s -> {
            if (s.path("kind").asText().equals(kind)) {
                ids.add(s.path("id").asLong());
            }
        });
        return ids;
    }

    private static List<String> rows(Settings settings, String table) {
        try (Components components = Components.open(settings, Clock.systemUTC())) {
            return components.database().jdbi().withHandle(h -> h.createQuery("SELECT * FROM " + table + " ORDER BY 1")
                    .mapToMap().map(Object::toString).list());
        }
    }

    private static Map<String, List<String>> snapshot() {
        Map<String, List<String>> tables = new java.util.LinkedHashMap<>();
        for (String table : TABLES) {
            tables.put(table, server.app().components().database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT * FROM " + table + " ORDER BY 1").mapToMap().map(Object::toString).list()));
        }
        return tables;
    }

    private static long count(String table) {
        return server.app().components().database().jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
    }

    private static String folderNameOf(long fileId) {
        return server.app().components().database().jdbi().withHandle(h -> h.createQuery(
                "SELECT d.name FROM files f JOIN folders d ON d.id = f.folder_id WHERE f.id = :id")
                .bind("id", fileId).mapTo(String.class).one());
    }

    private static String ownerOf(long fileId) {
        return server.app().components().database().jdbi().withHandle(h -> h.createQuery(
                "SELECT u.username FROM files f JOIN users u ON u.id = f.user_id WHERE f.id = :id")
                .bind("id", fileId).mapTo(String.class).one());
    }

    private static String fileStatus(long id) {
        return server.app().components().database().jdbi().withHandle(h -> h.createQuery(
                "SELECT status FROM files WHERE id = :id").bind("id", id).mapTo(String.class).one());
    }

    private static String base() {
        return server.client().base();
    }

    private static ApiReply authorize(String... params) {
        return server.client().post("authorize", ApiClient.params(params));
    }

    /** The file page of a short URL, then the download link it shows. */
    private static byte[] download(String code) {
        HttpResponse<String> page = fetch(base() + "/" + code);
        assertThat(page.statusCode()).as(code + ": " + page.body()).isEqualTo(200);
        Matcher link = DOWNLOAD_LINK.matcher(page.body());
        assertThat(link.find()).as(page.body()).isTrue();
        HttpResponse<byte[]> bytes = server.client().fetch(link.group(1));
        assertThat(bytes.statusCode()).isEqualTo(200);
        return bytes.body();
    }

    private static HttpResponse<String> fetch(String url, String... headers) {
        return Pages.get(url, headers);
    }

    /** A visitor opens the folder's password form and answers it. */
    private static HttpResponse<String> unlock(String url, String password) {
        return SiteClient.submitOnce(url, "password", password);
    }
}
