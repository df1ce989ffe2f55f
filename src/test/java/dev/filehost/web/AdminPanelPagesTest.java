package dev.filehost.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filehost.support.ApiTestBase;
import dev.filehost.support.SiteClient;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The admin panel at /admin, as an admin, a user and a visitor without JavaScript see it. */
class AdminPanelPagesTest extends ApiTestBase {

    private static SiteClient visitor() {
        return new SiteClient("http://127.0.0.1:" + server.app().port());
    }

    private static SiteClient signedIn(NewUser user) {
        SiteClient client = visitor();
        client.submit("/account/login", "/account/login", "username", user.username(), "password", user.password());
        return client;
    }

    @Test
    void anAdminSeesThePanelWithItsNavigationAndTheHeaderLinksToIt() {
        SiteClient admin = signedIn(newUser("20"));

        HttpResponse<String> dashboard = admin.get("/admin");

        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains("<title>Dashboard · Admin · ", "aria-label=\"Admin\"",
                "<a href=\"/admin\" aria-current=\"page\">Dashboard</a>");
        assertThat(admin.get("/account/edit").body()).contains("<a href=\"/admin\">Admin</a>");
    }

    @Test
    void aUserAndAVisitorGetTheNotFoundPageOnEveryAdminPath() {
        SiteClient user = signedIn(newUser("1"));
        SiteClient nobody = visitor();

        assertThat(user.get("/account/edit").body()).doesNotContain("href=\"/admin\"");
        for (SiteClient client : new SiteClient[] {user, nobody}) {
            for (String path : new String[] {"/admin", "/admin/", "/admin/no-such-section", "/admin/a/b"}) {
                assertThat(client.get(path).statusCode()).as("GET " + path).isEqualTo(404);
                assertThat(client.get(path).body()).contains("<h1>Not found</h1>");
                assertThat(client.post(path, "csrf", "x").statusCode()).as("POST " + path).isEqualTo(404);
            }
        }
    }
}
