package dev.filehost.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filehost.account.User;
import dev.filehost.account.UserStatus;
import dev.filehost.admin.Actor;
import dev.filehost.admin.AuditEntry;
import dev.filehost.admin.FileSearch;
import dev.filehost.admin.UserAdmin;
import dev.filehost.support.ApiClient;
import dev.filehost.support.ApiReply;
import dev.filehost.support.ApiTestBase;
import dev.filehost.support.Session;
import dev.filehost.support.SiteClient;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The admin panel at /admin, as an admin, a user and a visitor without JavaScript use it. */
class AdminPanelPagesTest extends ApiTestBase {

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

    private static User stored(NewUser user) {
        return server.app().components().userAdmin().find(user.username());
    }

    private static List<AuditEntry> audit() {
        return server.app().components().audit().since(Instant.EPOCH, 100_000);
    }

    private static ApiReply authorize(NewUser user) {
        return api().post("authorize", ApiClient.params("key1", user.keys().key1(), "key2", user.keys().key2()));
    }

    @Test
    void anAdminSeesTheDashboardWithTheSitesTotalsChartsAndHealth() {
        SiteClient admin = signedIn(newUser("20"));
        signIn(newUser("1")).upload("report.txt", "twelve bytes".getBytes());

        HttpResponse<String> dashboard = admin.get("/admin");

        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains("<title>Dashboard · Admin · ", "aria-label=\"Admin\"",
                "<a href=\"/admin\" aria-current=\"page\">Dashboard</a>", "<a href=\"/admin/users\">Users</a>",
                "<a href=\"/admin/packages\">Packages</a>", "<dt>Accounts</dt>", "<dt>Before deduplication</dt>",
                "<dt>URL imports waiting</dt>", "aria-label=\"Uploads per day from ", "aria-label=\"Downloads per day from ",
                "database: answers", "Ready: every dependency answers.");
        assertThat(admin.get("/account/edit").body()).contains("<a href=\"/admin\">Admin</a>");
    }

    @Test
    void anAdminFindsAUserAndChangesTheAccountThroughTheSameServiceAsTheCli() {
        SiteClient admin = signedIn(newUser("20"));
        NewUser target = newUser("1");
        String page = "/admin/users/" + target.username();

        String found = admin.get("/admin/users?q=" + target.username().toUpperCase()).body();
        assertThat(found).contains("href=\"" + page + "\"", "1 account(s) matching");
        HttpResponse<String> saved = admin.submit(page, page, "email", "new@example.test", "package", "2",
                "status", "active", "storageLimitOverride", "5000");

        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(stored(target).packageId()).isEqualTo(2);
        assertThat(stored(target).email()).isEqualTo("new@example.test");
        assertThat(stored(target).storageLimitOverride()).isEqualTo(5000);
        assertThat(audit()).anySatisfy(entry -> {
            assertThat(entry.action()).isEqualTo("user.set");
            assertThat(entry.target()).isEqualTo(target.username());
            assertThat(entry.change()).isEqualTo("package = 2");
            assertThat(entry.address()).isEqualTo("127.0.0.1");
        });
        HttpResponse<String> refused = admin.submit(page, page, "email", "not an address", "package", "2",
                "status", "active", "storageLimitOverride", "5000");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("is not an email address");

        SiteClient oldSignIn = signedIn(target);
        HttpResponse<String> newPassword = admin.submit(page, page + "/password", "password", "a new password");
        assertThat(newPassword.statusCode()).isEqualTo(303);
        assertThat(oldSignIn.get("/account").statusCode()).isEqualTo(303);
        assertThat(signedIn(new NewUser(target.id(), target.username(), "a new password", target.keys())).get("/account")
                .statusCode()).isEqualTo(200);

        HttpResponse<String> keys = admin.submit(page, page + "/keys");
        assertThat(keys.body()).contains("Copy key 2 now");
        assertThat(authorize(target).isSuccess()).isFalse();
    }

    @Test
    void theUserListIsPagedAndTheSearchKeepsItsPages() {
        SiteClient admin = signedIn(newUser("20"));
        String prefix = "pager" + System.nanoTime() % 100_000 + "x";
        for (int i = 0; i <= UserAdmin.PAGE_SIZE; i++) {
            server.app().components().userAdmin().add(Actor.cli(), prefix + i, "password", null, "1");
        }

        String first = admin.get("/admin/users?q=" + prefix).body();
        String second = admin.get("/admin/users?q=" + prefix + "&page=2").body();

        assertThat(first).contains("51 account(s) matching", "Page 1 of 2",
                "href=\"/admin/users?q=" + prefix + "&amp;page=2\">Next page").doesNotContain("Previous page");
        assertThat(first.split("href=\"/admin/users/" + prefix, -1)).hasSize(UserAdmin.PAGE_SIZE + 1);
        assertThat(second).contains("Page 2 of 2", "Previous page").doesNotContain("Next page");
        assertThat(second.split("href=\"/admin/users/" + prefix, -1)).hasSize(2);
    }

    @Test
    void theSignInHistoryShowsApiAndWebsiteSignInsAndRefusals() {
        SiteClient admin = signedIn(newUser("20"));
        NewUser target = newUser("1");
        signIn(target);
        visitor().submit("/account/login", "/account/login", "username", target.username(), "password", "wrong");
        signedIn(target);

        String history = admin.get("/admin/users/" + target.username()).body();

        String table = history.substring(history.indexOf("Sign-in history"));
        assertThat(table.split("<td>Website</td><td>Signed in</td>", -1)).hasSize(2);
        assertThat(table.split("<td>Website</td><td>Refused</td>", -1)).hasSize(2);
        assertThat(table.split("<td>API</td><td>Signed in</td>", -1)).hasSize(2);
        assertThat(server.app().components().userAdmin().signIns(target.username())).hasSize(3);
    }

    @Test
    void aSuspendedUsersApiTokenFailsAndEndingTokensEndsTheirSessions() {
        SiteClient admin = signedIn(newUser("20"));
        NewUser target = newUser("1");
        Session api = signIn(target);
        SiteClient website = signedIn(target);
        String page = "/admin/users/" + target.username();

        assertThat(admin.submit(page, page + "/end-tokens").statusCode()).isEqualTo(303);
        assertThat(api.call("account/info").isSuccess()).isFalse();
        assertThat(website.get("/account").statusCode()).isEqualTo(303);

        Session again = signIn(target);
        admin.submit(page, page, "email", "", "package", "1", "status", "suspended", "storageLimitOverride", "");
        assertThat(stored(target).status()).isEqualTo(UserStatus.SUSPENDED);
        assertThat(again.call("account/info").isSuccess()).isFalse();
        assertThat(authorize(target).isSuccess()).isFalse();
    }

    @Test
    void aDeletedAccountCannotSignInAndItsFilesAreInTheTrash() {
        SiteClient admin = signedIn(newUser("20"));
        NewUser target = newUser("1");
        signIn(target).upload("notes.txt", "notes".getBytes());
        String page = "/admin/users/" + target.username();

        HttpResponse<String> unconfirmed = admin.submit(page, page + "/delete", "confirm", "someone else");
        assertThat(unconfirmed.statusCode()).isEqualTo(400);
        assertThat(stored(target).status()).isEqualTo(UserStatus.ACTIVE);
        HttpResponse<String> deleted = admin.submit(page, page + "/delete", "confirm", target.username());

        assertThat(deleted.statusCode()).isEqualTo(303);
        assertThat(stored(target).status()).isEqualTo(UserStatus.DISABLED);
        assertThat(server.app().components().fileSearch()
                .find(FileSearch.Query.of(FileSearch.By.OWNER, target.username())).files())
                .singleElement().satisfies(file -> assertThat(file.isActive()).isFalse());
        assertThat(authorize(target).isSuccess()).isFalse();
        assertThat(visitor().submit("/account/login", "/account/login", "username", target.username(),
                "password", target.password()).statusCode()).isEqualTo(401);
        assertThat(audit()).anySatisfy(entry -> assertThat(entry.action() + " " + entry.target())
                .isEqualTo("user.delete " + target.username()));
    }

    @Test
    void anAdminCannotSuspendOrDeleteTheirOwnAccountInThePanel() {
        NewUser self = newUser("20");
        SiteClient admin = signedIn(self);
        String page = "/admin/users/" + self.username();

        HttpResponse<String> suspend = admin.submit(page, page, "status", "suspended");
        HttpResponse<String> delete = admin.submit(page, page + "/delete", "confirm", self.username());

        assertThat(suspend.statusCode()).isEqualTo(400);
        assertThat(delete.statusCode()).isEqualTo(400);
        assertThat(delete.body()).contains("You cannot change the status of your own account or delete it here.");
        assertThat(stored(self).status()).isEqualTo(UserStatus.ACTIVE);
    }

    @Test
    void anAdminCreatesAnAccountAndATakenNameIsRefused() {
        SiteClient admin = signedIn(newUser("20"));
        String name = "new.user@" + System.nanoTime();

        HttpResponse<String> created = admin.submit("/admin/users", "/admin/users", "username", name,
                "email", name + "@example.test", "password", "its password", "package", "2");
        HttpResponse<String> taken = admin.submit("/admin/users", "/admin/users", "username", name,
                "email", "", "password", "x", "package", "1");

        assertThat(created.statusCode()).isEqualTo(303);
        assertThat(created.headers().firstValue("Location"))
                .hasValue("/admin/users/" + name.replace("@", "%40") + "?saved=created");
        assertThat(admin.get("/admin/users/" + name.replace("@", "%40")).body()).contains("<h1>User " + name + "</h1>");
        assertThat(server.app().components().userAdmin().find(name).packageId()).isEqualTo(2);
        assertThat(taken.statusCode()).isEqualTo(400);
        assertThat(taken.body()).contains("Username &#39;" + name + "&#39; is taken", "value=\"" + name + "\"");
    }

    @Test
    void anAdminCreatesEditsAndRemovesAPackageButNotOneInUse() {
        SiteClient admin = signedIn(newUser("20"));
        String label = "Gold " + System.nanoTime();

        HttpResponse<String> created = admin.submit("/admin/packages", "/admin/packages", "label", label,
                "level_type", "paid user");
        String page = created.headers().firstValue("Location").orElseThrow().replace("?saved=created", "");
        long id = Long.parseLong(page.substring(page.lastIndexOf('/') + 1));
        String form = admin.get(page).body();
        assertThat(form).contains("Max upload size (0: unlimited)", "name=\"api_access\"",
                "name=\"blocked_file_types\"", "name=\"label\"");
        HttpResponse<String> saved = admin.submit(page, page, "label", label, "level_type", "paid user",
                "max_upload_size", "12345", "api_access", "0", "blocked_file_types", "exe, bat");
        HttpResponse<String> refused = admin.submit(page, page, "label", label, "max_upload_size", "lots");

        assertThat(saved.statusCode()).isEqualTo(303);
        var pkg = server.app().components().packageAdmin().find(id).orElseThrow();
        assertThat(pkg.maxUploadSize()).isEqualTo(12345);
        assertThat(pkg.apiAccess()).isFalse();
        assertThat(pkg.blockedFileTypes()).isEqualTo("exe,bat");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Max_upload_size must be a whole number", "value=\"lots\"");

        HttpResponse<String> inUse = admin.submit("/admin/packages/1", "/admin/packages/1/remove");
        assertThat(inUse.statusCode()).isEqualTo(400);
        assertThat(inUse.body()).contains("cannot be removed:", "on it; move them to another package first");
        assertThat(admin.submit(page, page + "/remove").statusCode()).isEqualTo(303);
        assertThat(server.app().components().packageAdmin().find(id)).isEmpty();
        assertThat(audit()).extracting(AuditEntry::action).contains("package.add", "package.set", "package.remove");
    }

    @Test
    void everyAdminFormRefusesAMissingCsrfTokenAndChangesNothing() {
        SiteClient admin = signedIn(newUser("20"));
        newUser("1");
        AdminCrawl crawl = AdminCrawl.of(admin, 40);
        int logged = audit().size();

        assertThat(crawl.forms()).extracting(AdminCrawl.Form::action)
                .contains("/admin/users", "/admin/packages");
        for (AdminCrawl.Form form : crawl.forms()) {
            HttpResponse<String> refused = admin.post(form.action(), form.withoutCsrf());
            assertThat(refused.statusCode()).as("POST " + form.action() + " from " + form.page()).isEqualTo(403);
            assertThat(refused.body()).contains("did not come from this site");
        }
        assertThat(audit()).hasSize(logged);
    }

    @Test
    void aUserAndAVisitorGetTheNotFoundPageOnEveryAdminPathAndMethod() {
        AdminCrawl crawl = AdminCrawl.of(signedIn(newUser("20")), 40);
        SiteClient user = signedIn(newUser("1"));
        String userCsrf = SiteClient.csrfOf(user.get("/account/edit").body());
        SiteClient nobody = visitor();
        List<String> paths = new java.util.ArrayList<>(crawl.paths());
        paths.addAll(List.of("/admin/", "/admin/no-such-section", "/admin/users/no-such-user/x"));

        assertThat(user.get("/account/edit").body()).doesNotContain("href=\"/admin\"");
        assertThat(paths).contains("/admin", "/admin/users", "/admin/packages", "/admin/packages/1");
        int logged = audit().size();
        for (String path : paths) {
            for (SiteClient client : List.of(user, nobody)) {
                HttpResponse<String> get = client.get(path);
                assertThat(get.statusCode()).as("GET " + path).isEqualTo(404);
                assertThat(get.body()).contains("<h1>Not found</h1>");
                assertThat(client.post(path, "csrf", userCsrf).statusCode()).as("POST " + path).isEqualTo(404);
            }
        }
        assertThat(audit()).hasSize(logged);
    }
}
