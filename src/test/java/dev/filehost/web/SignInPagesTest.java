package dev.filehost.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filehost.admin.Actor;
import dev.filehost.support.ApiTestBase;
import dev.filehost.support.SiteClient;
import java.net.HttpCookie;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Registration, sign-in and sign-out over plain HTTP: cookies, CSRF, the shared lockout, the header. */
class SignInPagesTest extends ApiTestBase {

    private static String base() {
        return "http://127.0.0.1:" + server.app().port();
    }

    @Test
    void aVisitorRegistersIsSignedInAndSignsOutEverywhere() {
        SiteClient visitor = new SiteClient(base());
        HttpResponse<String> registered = visitor.submit("/register", "/register", "username", "web-alice",
                "email", "alice@example.test", "password", "secret one", "password_again", "secret one");

        assertThat(registered.statusCode()).isEqualTo(303);
        assertThat(registered.headers().firstValue("Location")).hasValue("/account");
        String setCookie = registered.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(SiteSessions.SESSION_COOKIE)).findFirst().orElseThrow();
        assertThat(setCookie).contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure");
        assertThat(visitor.get("/some/page").body()).contains("Sign out").doesNotContain(">Sign in</a>");
        assertThat(server.app().components().userAdmin().find("web-alice").packageId()).isEqualTo(1);

        String oldSession = sessionCookie(visitor);
        HttpResponse<String> out = visitor.submit("/register", "/account/logout");
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(visitor.get("/some/page").body()).contains(">Sign in</a>").doesNotContain("Sign out");
        // The old cookie, replayed, opens nothing: the session ended in the database.
        SiteClient replay = new SiteClient(base());
        replay.cookies().getCookieStore().add(java.net.URI.create(base()),
                new HttpCookie(SiteSessions.SESSION_COOKIE, oldSession));
        assertThat(replay.get("/some/page").body()).doesNotContain("Sign out");
    }

    @Test
    void anOperatorsChangeToASignedInAccountShowsOnItsNextPage() {
        NewUser user = newUser("1");
        SiteClient visitor = new SiteClient(base());
        visitor.submit("/account/login", "/account/login", "username", user.username(), "password", user.password());
        assertThat(visitor.get("/account/edit").body()).contains(user.username() + "@example.test");

        // The node keeps a session it read for a second, and forgets it when it changes the account.
        var users = server.app().components().userAdmin();
        users.set(Actor.cli(), user.username(), "email", "renamed@example.test");
        assertThat(visitor.get("/account/edit").body()).contains("renamed@example.test");
        users.set(Actor.cli(), user.username(), "status", "suspended");
        assertThat(visitor.get("/some/page").body()).contains(">Sign in</a>").doesNotContain("Sign out");
    }

    @Test
    void signInChangesTheSessionIdAndWrongPasswordsShareTheApiLockout() {
        NewUser user = newUser("1");
        SiteClient visitor = new SiteClient(base());
        HttpResponse<String> wrong = visitor.submit("/account/login", "/account/login",
                "username", user.username(), "password", "wrong");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("The username and password may be invalid");

        visitor.submit("/account/login", "/account/login", "username", user.username(), "password", user.password());
        String first = sessionCookie(visitor);
        visitor.submit("/account/login", "/account/login", "username", user.username(), "password", user.password());
        assertThat(sessionCookie(visitor)).isNotEqualTo(first);

        SiteClient guesser = new SiteClient(base());
        for (int i = 0; i < 5; i++) {
            guesser.submit("/account/login", "/account/login", "username", user.username(), "password", "guess" + i);
        }
        // Locked for this address by the website's failures: the API refuses the right password too.
        HttpResponse<String> locked = guesser.submit("/account/login", "/account/login",
                "username", user.username(), "password", user.password());
        assertThat(locked.statusCode()).isEqualTo(401);
    }

    @Test
    void anOperatorClosesRegistrationWhileTheSiteRuns() {
        var site = server.app().components().siteAdmin();
        site.set(Actor.cli(), "registration", "closed");
        try {
            SiteClient visitor = new SiteClient(base());
            assertThat(visitor.get("/register").body()).contains(SignInRoutes.REGISTRATION_CLOSED);
            assertThat(visitor.get("/").body()).doesNotContain("Create an account");
            visitor.submit("/account/login", "/register", "username", "web-late", "email", "late@example.test",
                    "password", "secret one", "password_again", "secret one");
            assertThat(server.app().components().userAdmin().list()).noneMatch(u -> u.username().equals("web-late"));
        } finally {
            site.set(Actor.cli(), "registration", "open");
        }
        assertThat(new SiteClient(base()).get("/register").body()).doesNotContain(SignInRoutes.REGISTRATION_CLOSED);
        assertThat(new SiteClient(base()).get("/").body()).contains("Create an account");
    }

    @Test
    void aFormWithoutItsCsrfTokenChangesNothing() {
        SiteClient visitor = new SiteClient(base());
        visitor.get("/register");
        HttpResponse<String> forged = visitor.post("/register", "username", "web-forged", "email", "f@example.test",
                "password", "pw", "password_again", "pw");

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("Nothing was changed");
        assertThat(server.app().components().userAdmin().list()).noneMatch(u -> u.username().equals("web-forged"));
    }

    @Test
    void unknownPathsAreTheStyledPageAndPagesForbidInlineScript() {
        for (String accept : new String[] {"*/*", "text/html"}) {
            HttpResponse<String> missing = dev.filehost.support.Pages.get(base() + "/no/such/page/here", "Accept", accept);
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.body()).contains("<header class=\"site").doesNotContain("Endpoint GET");
        }
        String policy = new SiteClient(base()).get("/account/login").headers()
                .firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy).contains("script-src 'self'").doesNotContain("unsafe-eval");
        assertThat(policy.split(";")[1]).doesNotContain("unsafe-inline");
    }

    @Test
    void textIsSentCompressedAndEachPageStaysSmall() {
        long total = 0;
        for (String asset : new String[] {"/assets/site.css", "/assets/site.js", "/assets/manager.js",
                "/assets/uploader.js", "/assets/vendor/tus.min.js"}) {
            HttpResponse<byte[]> answer = gzipped(asset);
            assertThat(answer.statusCode()).isEqualTo(200);
            // Javalin leaves answers under 1,500 bytes as they are: compressing them saves nothing.
            if (answer.body().length >= 1500) {
                assertThat(answer.headers().firstValue("Content-Encoding")).as(asset).hasValue("gzip");
            }
            total += answer.body().length;
        }
        // The heaviest page (the uploader) loads all of them: far below the 400 KB each page may transfer.
        assertThat(total).isLessThan(100_000);
    }

    private static HttpResponse<byte[]> gzipped(String path) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(base() + path)).header("Accept-Encoding", "gzip").build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String sessionCookie(SiteClient visitor) {
        List<HttpCookie> cookies = visitor.cookies().getCookieStore().getCookies();
        return cookies.stream().filter(c -> c.getName().equals(SiteSessions.SESSION_COOKIE)).findFirst()
                .orElseThrow().getValue();
    }
}
