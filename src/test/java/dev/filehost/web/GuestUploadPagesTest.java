package dev.filehost.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.filehost.account.AnonymousOwner;
import dev.filehost.account.User;
import dev.filehost.account.UserStatus;
import dev.filehost.admin.Actor;
import dev.filehost.auth.AuthService;
import dev.filehost.auth.GuestGrantRepository;
import dev.filehost.auth.GuestGrants;
import dev.filehost.ban.BanScope;
import dev.filehost.core.RateLimiter;
import dev.filehost.file.UploadRules;
import dev.filehost.site.SiteSettings;
import dev.filehost.support.ApiClient;
import dev.filehost.support.ApiReply;
import dev.filehost.support.ApiTestBase;
import dev.filehost.support.Session;
import dev.filehost.support.SiteClient;
import dev.filehost.support.TusRequests;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Uploads without an account from the home page, as the uploader's script makes them: a grant from
 * /account/api_token, then the resumable protocol under the Guest package; on SQLite and PostgreSQL.
 */
class GuestUploadPagesTest extends ApiTestBase {
    private static final Pattern PAGE_CSRF = Pattern.compile("data-csrf=\"([A-Za-z0-9]+)\"");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One upload of one address may send at a time, so the second is refused while the first sends. */
    @Override
    protected Map<String, String> serverEnvironment() {
        return Map.of("FILEHOST_UPLOADS_BEFORE_SIGN_IN_PER_ADDRESS", "1");
    }

    /** Each test's visitors ask for their grants a minute after the last test's: the address has its full share. */
    @BeforeEach
    void nextMinute() {
        server.clock().advance(Duration.ofMinutes(1));
    }

    @AfterEach
    void closeGuestUploads() {
        guestPackage("can_upload", "0");
        guestPackage("max_upload_size", "0");
    }

    private static String base() {
        return "http://127.0.0.1:" + server.app().port();
    }

    private static void guestPackage(String field, String value) {
        server.app().components().packageAdmin().set(Actor.cli(), "Guest", field, value);
    }

    /** A new visitor on the home page asks for a grant as the page's script does. */
    private static String grant() {
        return grant(new SiteClient(base()));
    }

    private static String grant(SiteClient visitor) {
        HttpResponse<String> answer = askForGrant(visitor, csrfOf(visitor.get("/").body()));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Cache-Control")).hasValue("no-store");
        try {
            return JSON.readTree(answer.body()).path("upload_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpResponse<String> askForGrant(SiteClient visitor, String csrf) {
        return visitor.post("/account/api_token", "csrf", csrf);
    }

    private static String csrfOf(String page) {
        Matcher csrf = PAGE_CSRF.matcher(page);
        assertThat(csrf.find()).as(page).isTrue();
        return csrf.group(1);
    }

    private static TusRequests tus(String bearer) {
        return new TusRequests(api(), bearer);
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    private static HttpResponse<String> create(TusRequests tus, long length, String filename) {
        return tus.send("POST", tus.creationUrl(), null, "Upload-Length", Long.toString(length),
                "Upload-Metadata", TusRequests.metadata("filename", filename));
    }

    private static String ownerOf(String fileId) {
        return server.app().components().database().jdbi().withHandle(h -> h.createQuery(
                        "SELECT u.username FROM files f JOIN users u ON u.id = f.user_id WHERE f.id = :id")
                .bind("id", Long.parseLong(fileId)).mapTo(String.class).one());
    }

    @Test
    void whileTheGuestPackageMayNotUploadVisitorsAreAskedToSignInOrSignUp() {
        guestPackage("can_upload", "1");
        SiteClient visitor = new SiteClient(base());
        String csrf = csrfOf(visitor.get("/").body());
        String grant = grant(visitor);
        guestPackage("can_upload", "0");

        HttpResponse<String> home = visitor.get("/");
        HttpResponse<String> asked = askForGrant(visitor, csrf);
        HttpResponse<String> created = create(tus(grant), 10, "late.txt");

        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("<h1>Upload, organise and share your files</h1>",
                "href=\"/account/login\">Sign in</a>", "href=\"/register\">Create an account</a>")
                .doesNotContain("id=\"uploader\"", "data-csrf");
        assertThat(asked.statusCode()).isEqualTo(303);
        assertThat(asked.headers().firstValue("Location")).hasValue("/account/login");
        assertThat(created.statusCode()).isEqualTo(403);
        assertThat(created.body()).contains(UploadRules.CANNOT_UPLOAD);
    }

    @Test
    void aGuestUploadsAndItsLinksDownloadAndDeleteTheFile() {
        guestPackage("can_upload", "1");
        SiteClient visitor = new SiteClient(base());
        String home = visitor.get("/").body();
        TusRequests tus = tus(grant(visitor));
        byte[] content = randomBytes(150_000);

        String url = tus.create(content.length, "holiday.bin");
        HttpResponse<String> done = tus.patch(url, 0, content);

        assertThat(home).contains("id=\"uploader\"", "data-guest=\"true\"", "data-resumable=\"true\"",
                "You are uploading without an account").doesNotContain("id=\"folder\"", "Remote URLs");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
        String fileUrl = header(done, "Filehost-File-Url");
        String deleteUrl = header(done, "Filehost-File-Delete-Url");
        assertThat(deleteUrl).startsWith(fileUrl + "~d?");
        assertThat(ownerOf(header(done, "Filehost-File-Id"))).isEqualTo(AnonymousOwner.USERNAME);
        Page filePage = Page.of(api().fetch(fileUrl)).isHtml(200);
        assertThat(filePage.body()).contains("holiday.bin");
        assertThat(api().fetch(filePage.downloadLink()).body()).isEqualTo(content);
        assertThat(api().fetch(header(done, "Filehost-File-Download-Url")).body()).as("the direct link")
                .isEqualTo(content);

        assertThat(SiteClient.submitOnce(deleteUrl).statusCode()).isEqualTo(200);
        Page.of(api().fetch(fileUrl)).isNotFound();
    }

    @Test
    void anAddressGetsAFewGrantsAMinute() {
        guestPackage("can_upload", "1");
        SiteClient visitor = new SiteClient(base());
        String csrf = csrfOf(visitor.get("/").body());
        List<Integer> granted = new ArrayList<>();
        for (int i = 0; i < GuestGrants.PER_MINUTE; i++) {
            granted.add(askForGrant(visitor, csrf).statusCode());
        }

        HttpResponse<String> refused = askForGrant(visitor, csrf);

        assertThat(granted).containsOnly(200);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.body()).contains("\"error\"");
    }

    @Test
    void aGrantOpensOnlyItsOwnUploadsAndNoApiCall() {
        guestPackage("can_upload", "1");
        String grant = grant();
        TusRequests first = tus(grant);
        TusRequests second = tus(grant());
        TusRequests account = new TusRequests(api(), signInNewUser());
        String url = first.create(100, "mine.bin");
        long owner = server.app().components().userAdmin().find(AnonymousOwner.USERNAME).id();

        ApiReply listing = api().post("folder/listing", ApiClient.params("access_token", grant,
                "account_id", Long.toString(owner)));
        HttpResponse<String> madeUp = create(tus("x".repeat(64)), 10, "a.bin");

        assertThat(second.head(url).statusCode()).isEqualTo(404);
        assertThat(second.patch(url, 0, new byte[100]).statusCode()).isEqualTo(404);
        assertThat(account.head(url).statusCode()).isEqualTo(404);
        assertThat(first.head(url).statusCode()).isEqualTo(200);
        assertThat(listing.isSuccess()).isFalse();
        assertThat(listing.body()).contains(AuthService.TOKEN_REJECTED);
        assertThat(madeUp.statusCode()).isEqualTo(401);
        assertThat(madeUp.body()).contains(AuthService.TOKEN_REJECTED);
    }

    @Test
    void aGrantLapsesWhenUnusedForAsLongAsAnUnfinishedUploadWaits() {
        guestPackage("can_upload", "1");
        TusRequests used = tus(grant());
        TusRequests idle = tus(grant());
        Duration expiry = server.settings().resumableUploadExpiry();

        server.clock().advance(expiry.minusMinutes(1));
        HttpResponse<String> beforeExpiry = create(used, 10, "a.bin");
        server.clock().advance(Duration.ofMinutes(2));
        HttpResponse<String> stillUsed = create(used, 10, "b.bin");
        HttpResponse<String> lapsed = create(idle, 10, "c.bin");
        GuestGrants grants = new GuestGrants(new GuestGrantRepository(server.app().components().database().jdbi()),
                new RateLimiter(GuestGrants.PER_MINUTE, server.clock()), server.clock(), expiry);
        int purged = grants.purgeIdle();

        assertThat(beforeExpiry.statusCode()).isEqualTo(201);
        assertThat(stillUsed.statusCode()).isEqualTo(201);
        assertThat(lapsed.statusCode()).isEqualTo(401);
        assertThat(lapsed.body()).contains(AuthService.TOKEN_REJECTED);
        assertThat(purged).isPositive();
        assertThat(create(used, 10, "d.bin").statusCode()).isEqualTo(201);
    }

    @Test
    void theGuestPackagesLargestUploadHolds() {
        guestPackage("can_upload", "1");
        guestPackage("max_upload_size", "1000");
        SiteClient visitor = new SiteClient(base());
        String home = visitor.get("/").body();
        TusRequests tus = tus(grant(visitor));

        HttpResponse<String> options = tus.send("OPTIONS", tus.creationUrl(), null);
        HttpResponse<String> tooLarge = create(tus, 1001, "big.bin");
        String url = tus.create(1000, "fits.bin");
        HttpResponse<String> done = tus.patch(url, 0, randomBytes(1000));

        assertThat(home).contains("data-max-bytes=\"1000\"");
        assertThat(header(options, "Tus-Max-Size")).isEqualTo("1000");
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.body()).contains(UploadRules.TOO_LARGE.formatted(1000));
        assertThat(done.statusCode()).isEqualTo(204);
    }

    @Test
    void oneAddressSendsAtMostTheUploadsBeforeSignInAtOnce() throws Exception {
        guestPackage("can_upload", "1");
        TusRequests tus = tus(grant());
        byte[] content = randomBytes(200_000);
        String first = tus.create(content.length, "first.bin");
        String second = tus.create(10, "second.bin");

        try (Socket sending = tus.startPatch(first, 0, content.length, Arrays.copyOfRange(content, 0, 50_000))) {
            waitUntilSending(first);
            HttpResponse<String> refused = tus.patch(second, 0, new byte[10]);
            sending.getOutputStream().write(Arrays.copyOfRange(content, 50_000, content.length));

            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).contains("Too many uploads from your address are in progress.");
            assertThat(TusRequests.answerOn(sending)).startsWith("HTTP/1.1 204");
        }
        assertThat(tus.patch(second, 0, new byte[10]).statusCode()).isEqualTo(204);
    }

    private static void waitUntilSending(String url) throws InterruptedException {
        String id = url.substring(url.lastIndexOf('/') + 1);
        for (int i = 0; i < 200; i++) {
            boolean leased = server.app().components().database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT COUNT(*) FROM tus_uploads WHERE id = :id AND lease_owner IS NOT NULL")
                    .bind("id", id).mapTo(Long.class).one()) == 1;
            if (leased) {
                return;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("the first PATCH never started");
    }

    @Test
    void bansTheUploadsSwitchAndMaintenanceStopGuests() {
        guestPackage("can_upload", "1");
        TusRequests tus = tus(grant());
        var components = server.app().components();

        components.siteAdmin().set(Actor.cli(), "uploads", "off");
        HttpResponse<String> uploadsOff = create(tus, 10, "a.bin");
        components.siteAdmin().set(Actor.cli(), "uploads", "on");
        components.siteAdmin().set(Actor.cli(), "maintenance", "on");
        HttpResponse<String> maintenance = create(tus, 10, "a.bin");
        components.siteAdmin().set(Actor.cli(), "maintenance", "off");
        var ban = components.banAdmin().add(Actor.cli(), "127.0.0.1", BanScope.UPLOAD, Duration.ofMinutes(5), null);
        HttpResponse<String> banned = create(tus, 10, "a.bin");
        components.banAdmin().remove(Actor.cli(), ban.id());
        HttpResponse<String> allowed = create(tus, 10, "a.bin");

        assertThat(uploadsOff.statusCode()).isEqualTo(403);
        assertThat(uploadsOff.body()).contains(UploadRules.UPLOADS_DISABLED);
        assertThat(maintenance.statusCode()).isEqualTo(403);
        assertThat(maintenance.body()).contains(SiteSettings.DEFAULT_MAINTENANCE_MESSAGE);
        assertThat(banned.statusCode()).isEqualTo(403);
        assertThat(banned.body()).contains(BanScope.UPLOAD.text());
        assertThat(allowed.statusCode()).isEqualTo(201);
    }

    @Test
    void nobodySignsInAsTheAnonymousOwnerNorChangesIt() {
        guestPackage("can_upload", "1");
        TusRequests tus = tus(grant());
        tus.patch(tus.create(5, "a.txt"), 0, "hello".getBytes(StandardCharsets.UTF_8));
        var users = server.app().components().userAdmin();
        User owner = users.find(AnonymousOwner.USERNAME);

        HttpResponse<String> webSignIn = new SiteClient(base()).submit("/account/login", "/account/login",
                "username", AnonymousOwner.USERNAME, "password", "!");

        assertThat(owner.status()).isEqualTo(UserStatus.DISABLED);
        assertThat(owner.packageId()).isZero();
        assertThat(owner.email()).isNull();
        assertThat(webSignIn.statusCode()).isEqualTo(401);
        assertThatThrownBy(() -> users.set(Actor.cli(), AnonymousOwner.USERNAME, "status", "active"))
                .hasMessageContaining("cannot be changed");
        assertThatThrownBy(() -> users.set(Actor.cli(), AnonymousOwner.USERNAME, "password", "known now"))
                .hasMessageContaining("cannot be changed");
        assertThatThrownBy(() -> users.newKeys(Actor.cli(), AnonymousOwner.USERNAME))
                .hasMessageContaining("cannot be changed");
    }

    @Test
    void anAccountsAnswersAreTheSameWhetherGuestsMayUploadOrNot() {
        Session session = signInNewUser();
        List<String> closed = accountAnswers(session);
        guestPackage("can_upload", "1");
        List<String> open = accountAnswers(session);

        assertThat(open).isEqualTo(closed);
        assertThat(open.get(3)).doesNotContain("filehost-file-delete-url");
    }

    /** What an account's client sees of the API and the resumable endpoint, less the times and new ids. */
    private static List<String> accountAnswers(Session session) {
        List<String> answers = new ArrayList<>();
        answers.add(session.call("account/package").body());
        TusRequests tus = new TusRequests(api(), session);
        HttpResponse<String> noBearer = tus.sendExactly("POST", tus.creationUrl(), null, "Tus-Resumable", "1.0.0",
                "Upload-Length", "10", "Upload-Metadata", TusRequests.metadata("filename", "a.bin"));
        answers.add(noBearer.statusCode() + " " + noBearer.body());
        HttpResponse<String> options = tus.send("OPTIONS", tus.creationUrl(), null);
        answers.add(options.statusCode() + " " + new TreeSet<>(options.headers().map().entrySet().stream()
                .filter(e -> !e.getKey().equals("date")).map(Object::toString).toList()));
        HttpResponse<String> done = tus.patch(tus.create(3, "a.txt"), 0, "abc".getBytes(StandardCharsets.UTF_8));
        answers.add(done.statusCode() + " " + new TreeSet<>(done.headers().map().keySet()));
        answers.add(api().post("file/upload", ApiClient.params()).body());
        return answers.stream().map(answer -> answer.replaceAll("\"_datetime\":\"[^\"]*\"", "")).toList();
    }
}
