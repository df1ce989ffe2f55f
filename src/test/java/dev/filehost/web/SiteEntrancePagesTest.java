package dev.filehost.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filehost.admin.Actor;
import dev.filehost.ban.Ban;
import dev.filehost.ban.BanScope;
import dev.filehost.support.ApiTestBase;
import dev.filehost.support.Session;
import dev.filehost.support.SiteClient;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A site-scope ban and maintenance mode on the website's pages, for visitors, users and admins. */
class SiteEntrancePagesTest extends ApiTestBase {
    private static final Actor PANEL = new Actor("admin", "192.0.2.10");
    private static final String STYLED = "<link rel=\"stylesheet\" href=\"/assets/site.css\">";
    private static final String MESSAGE = "Back at noon & better.";
    private static final String MESSAGE_HTML = "Back at noon &amp; better.";

    private static SiteClient visitor() {
        return new SiteClient("http://127.0.0.1:" + server.app().port());
    }

    private static SiteClient signedIn(NewUser user) {
        SiteClient client = visitor();
        HttpResponse<String> signIn = client.submit("/account/login", "/account/login", "username", user.username(),
                "password", user.password());
        assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(303);
        return client;
    }

    /** The path of an uploaded file's page, and of its download link from the API. */
    private record UploadedFile(String page, String download) {
    }

    private static UploadedFile uploadedFile() {
        Session session = signInNewUser();
        var upload = session.upload("notes.txt", "some notes".getBytes(StandardCharsets.UTF_8));
        assertThat(upload.isSuccess()).as(upload.body()).isTrue();
        String fileId = upload.data().get(0).path("file_id").asText();
        String download = session.call("file/download", "file_id", fileId).data().path("download_url").asText();
        URI downloadUri = URI.create(download);
        return new UploadedFile(URI.create(upload.data().get(0).path("url").asText()).getPath(),
                downloadUri.getPath() + "?" + downloadUri.getQuery());
    }

    private static void assertTurnedAway(HttpResponse<String> response, int status, String message) {
        assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(status);
        assertThat(response.body()).contains(STYLED, "<p>" + message + "</p>");
    }

    private static Ban banThisAddress() {
        return server.app().components().banAdmin().add(PANEL, "127.0.0.1", BanScope.SITE, null, "test");
    }

    private static void maintenance(String onOrOff) {
        server.app().components().siteAdmin().set(PANEL, "maintenance", onOrOff);
    }

    @Test
    void aSiteBannedAddressGetsTheForbiddenPageOnEveryPageButAssetsAndProbesUntilTheBanIsLifted() {
        UploadedFile file = uploadedFile();
        SiteClient visitor = visitor();
        String csrf = SiteClient.csrfOf(visitor.get("/register").body());
        Ban ban = banThisAddress();
        try {
            for (String path : List.of("/", file.page(), file.download(), "/register", "/account/login",
                    "/account", file.page() + "~i", file.page() + "~s", "/no-such-page")) {
                assertTurnedAway(visitor.get(path), 403, BanScope.SITE.text());
            }
            assertTurnedAway(visitor.post("/register", "csrf", csrf, "username", "banned", "password", "pw",
                    "password_again", "pw", "email", "banned@example.test"), 403, BanScope.SITE.text());
            assertThat(server.app().components().userAdmin().lookup("banned")).isEmpty();
            assertThat(visitor.get("/assets/site.css").statusCode()).isEqualTo(200);
            assertThat(visitor.get("/health/live").statusCode()).isEqualTo(200);
            assertThat(visitor.get("/metrics").body()).as("turned away, counted under the route")
                    .contains("method=\"GET\",status=\"403\",uri=\"/{ref}\"");
        } finally {
            server.app().components().banAdmin().remove(PANEL, ban.id());
        }

        for (String path : List.of("/", file.page(), "/register", "/account/login")) {
            assertThat(visitor.get(path).statusCode()).as(path).isEqualTo(200);
        }
    }

    @Test
    void anAdminsSignedInSessionPassesASiteBanAndLiftsItFromThePanel() {
        SiteClient admin = signedIn(newUser("20"));
        SiteClient user = signedIn(newUser("1"));
        Ban ban = banThisAddress();

        assertTurnedAway(user.get("/account"), 403, BanScope.SITE.text());
        assertTurnedAway(visitor().get("/account/login"), 403, BanScope.SITE.text());
        assertThat(admin.get("/").statusCode()).isEqualTo(200);
        assertThat(admin.get("/admin/bans").body()).contains("127.0.0.1");
        HttpResponse<String> removed = admin.submit("/admin/bans", "/admin/bans/" + ban.id() + "/remove");

        assertThat(removed.statusCode()).isEqualTo(303);
        assertThat(user.get("/account").statusCode()).isEqualTo(200);
    }

    @Test
    void inMaintenanceVisitorsAndUsersGetTheMessageWhileAdminsSignInAndSwitchItOff() {
        UploadedFile file = uploadedFile();
        NewUser userAccount = newUser("1");
        server.app().components().siteAdmin().set(PANEL, "maintenance-message", MESSAGE);
        maintenance("on");
        try {
            SiteClient visitor = visitor();
            for (String path : List.of("/", file.page(), file.download(), "/register", file.page() + "~s", "/admin")) {
                HttpResponse<String> page = visitor.get(path);
                assertTurnedAway(page, 503, MESSAGE_HTML);
                assertThat(page.headers().firstValue("Retry-After"))
                        .hasValue(Long.toString(SiteEntrance.MAINTENANCE_RETRY_SECONDS));
            }
            assertThat(visitor.get("/assets/site.css").statusCode()).isEqualTo(200);
            assertThat(visitor.get("/health/live").statusCode()).isEqualTo(200);
            HttpResponse<String> login = visitor.get("/account/login");
            assertThat(login.statusCode()).isEqualTo(200);
            assertThat(login.body()).contains(SignInRoutes.ADMINS_ONLY);

            SiteClient user = signedIn(userAccount);
            assertTurnedAway(user.get("/account"), 503, MESSAGE_HTML);
            assertThat(user.submit("/account/login", "/account/logout").statusCode()).isEqualTo(303);

            SiteClient admin = signedIn(newUser("20"));
            assertThat(admin.get("/account").statusCode()).isEqualTo(200);
            assertThat(admin.get(file.page()).statusCode()).isEqualTo(200);
            assertThat(admin.get("/admin").statusCode()).isEqualTo(200);
            HttpResponse<String> switchedOff = admin.submit("/admin/settings", "/admin/settings",
                    "maintenance", "off");
            assertThat(switchedOff.statusCode()).isEqualTo(303);
        } finally {
            maintenance("off");
        }

        SiteClient visitor = visitor();
        for (String path : List.of("/", file.page(), "/register")) {
            assertThat(visitor.get(path).statusCode()).as(path).isEqualTo(200);
        }
        assertThat(visitor.get("/account/login").body()).doesNotContain(SignInRoutes.ADMINS_ONLY);
        assertThat(signedIn(userAccount).get("/account").statusCode()).isEqualTo(200);
    }
}
