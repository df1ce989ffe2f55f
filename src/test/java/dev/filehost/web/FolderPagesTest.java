package dev.filehost.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.filehost.support.ApiReply;
import dev.filehost.support.ApiTestBase;
import dev.filehost.support.Pages;
import dev.filehost.support.SiteClient;
import dev.filehost.support.Session;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The public folder pages: privacy levels, the password form, download buttons and escaping. */
class FolderPagesTest extends ApiTestBase {
    private static final String SECRET = "open sesame";
    private static final String SECRET_MD5 = "54ef36ec71201fdf9d1423fd26f97f6b";

    @Test
    void privateFoldersAreNotFoundAndUnlistedOrPublicOnesListTheirFiles() {
        Session session = signInNewUser();
        String hidden = folder(session, "hidden", "is_public", "0");
        String unlisted = folder(session, "unlisted", "is_public", "1");
        String everyone = folder(session, "everyone", "is_public", "2");
        for (String id : new String[] {hidden, unlisted, everyone}) {
            upload(session, id, "file-in-" + id + ".txt", "content");
        }

        assertThat(get(page(session, hidden)).statusCode()).isEqualTo(404);
        assertThat(get(base() + "/folder/" + hidden).statusCode()).isEqualTo(404);
        for (String id : new String[] {unlisted, everyone}) {
            HttpResponse<String> byUrl = get(page(session, id));
            HttpResponse<String> byId = get(base() + "/folder/" + id);
            assertThat(byUrl.statusCode()).isEqualTo(200);
            assertThat(byUrl.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(byUrl.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
            assertThat(byUrl.body()).contains("file-in-" + id + ".txt");
            assertThat(byId.body()).isEqualTo(byUrl.body());
        }
        assertThat(get(base() + "/folder/99999999").statusCode()).isEqualTo(404);
        assertThat(get(base() + "/folder/abc").statusCode()).isEqualTo(404);
    }

    @Test
    void thePageLinksFilePagesAndOpenSubFoldersAndItsButtonsDownload() {
        Session session = signInNewUser();
        String top = folder(session, "top", "is_public", "1");
        folder(session, "open sub", "is_public", "1", "parent_id", top);
        String closed = folder(session, "closed sub", "is_public", "0", "parent_id", top);
        JsonNode file = upload(session, top, "report.txt", "the report");
        JsonNode elsewhere = upload(session, "", "elsewhere.txt", "other");

        String body = get(page(session, top)).body();

        assertThat(body).contains("href=\"" + file.path("url").asText() + "\"");
        assertThat(body).contains("open sub").doesNotContain("closed sub");
        assertThat(body).contains("10 bytes");
        String button = base() + "/folder/" + top + "/download/" + file.path("file_id").asText();
        assertThat(body).contains("href=\"" + button + "\"");
        HttpResponse<String> redirect = get(button);
        assertThat(redirect.statusCode()).isEqualTo(303);
        String downloadUrl = redirect.headers().firstValue("Location").orElseThrow();
        assertThat(downloadUrl).startsWith(file.path("url").asText() + "?download_token=");
        assertThat(get(downloadUrl).body()).isEqualTo("the report");
        assertThat(get(base() + "/folder/" + top + "/download/" + elsewhere.path("file_id").asText()).statusCode())
                .isEqualTo(404);
        assertThat(get(page(session, closed)).statusCode()).isEqualTo(404);
    }

    @Test
    void aPrivateFolderHidesEverythingBelowIt() {
        Session session = signInNewUser();
        String parent = folder(session, "private parent", "is_public", "0");
        String child = folder(session, "public child", "is_public", "2", "parent_id", parent);
        JsonNode file = upload(session, child, "deep.txt", "deep");

        assertThat(get(page(session, child)).statusCode()).isEqualTo(404);
        assertThat(get(file.path("url").asText()).statusCode()).isEqualTo(404);
        // The API reports the file's own flag, as the original does; the page above follows the folder.
        assertThat(session.call("file/info", "file_id", file.path("file_id").asText()).data().path("isPublic").asText())
                .isEqualTo("1");

        session.call("folder/edit", "folder_id", parent, "is_public", "1");

        assertThat(get(page(session, child)).statusCode()).isEqualTo(200);
        assertThat(get(file.path("url").asText()).statusCode()).isEqualTo(200);
    }

    @Test
    void aPasswordFolderAsksFirstAndRemembersTheRightAnswer() {
        Session session = signInNewUser();
        String id = folder(session, "locked", "is_public", "1", "access_password", SECRET_MD5);
        JsonNode file = upload(session, id, "inside.txt", "inside");
        String url = page(session, id);

        HttpResponse<String> form = get(url);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("<form method=\"post\"").contains("type=\"password\"")
                .doesNotContain("inside.txt");
        String button = base() + "/folder/" + id + "/download/" + file.path("file_id").asText();
        assertThat(get(button).statusCode()).isEqualTo(404);

        HttpResponse<String> wrong = unlock(url, "guess");
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(wrong.body()).contains("The password is not correct.").doesNotContain("inside.txt");
        assertThat(wrong.headers().firstValue("Set-Cookie")).isEmpty();

        HttpResponse<String> right = unlock(url, SECRET);
        assertThat(right.statusCode()).isEqualTo(303);
        assertThat(right.headers().firstValue("Location")).hasValue(url);
        String setCookie = right.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).contains("HttpOnly").contains("SameSite=Lax");
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));

        assertThat(get(url, "Cookie", cookie).body()).contains("inside.txt");
        assertThat(get(button, "Cookie", cookie).statusCode()).isEqualTo(303);
        assertThat(get(url).body()).doesNotContain("inside.txt");
        assertThat(get(url, "Cookie", "filehost_visitor=forged").body()).doesNotContain("inside.txt");

        session.call("folder/edit", "folder_id", id, "access_password", "0123456789abcdef0123456789abcdef");
        assertThat(get(url, "Cookie", cookie).body()).doesNotContain("inside.txt").contains("type=\"password\"");

        session.call("folder/edit", "folder_id", id, "access_password", "null");
        assertThat(get(url).body()).contains("inside.txt");
    }

    @Test
    void aPasswordPostedWithoutTheFormsCsrfTokenOpensNothing() {
        Session session = signInNewUser();
        String id = folder(session, "forged", "is_public", "1", "access_password", SECRET_MD5);
        upload(session, id, "kept.txt", "kept");
        String url = page(session, id);

        HttpResponse<String> forged = Pages.post(url, "password=" + URLEncoder.encode(SECRET, StandardCharsets.UTF_8));

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains(SiteGate.FORM_EXPIRED).doesNotContain("kept.txt");
        assertThat(forged.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith(FolderRoutes.VISITOR_COOKIE));
    }

    @Test
    void theFilePagesOfAPasswordFolderAskForItsPasswordFirst() {
        Session session = signInNewUser();
        String id = folder(session, "locked files", "is_public", "2", "access_password", SECRET_MD5);
        JsonNode file = upload(session, id, "secret.txt", "secret");
        String folderPage = page(session, id);

        for (String fileUrl : new String[] {file.path("url").asText(), file.path("stats_url").asText()}) {
            HttpResponse<String> locked = get(fileUrl);
            assertThat(locked.statusCode()).as(fileUrl).isEqualTo(303);
            assertThat(locked.headers().firstValue("Location")).hasValue(folderPage);
        }

        String setCookie = unlock(folderPage, SECRET)
                .headers().firstValue("Set-Cookie").orElseThrow();
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        HttpResponse<String> open = get(file.path("url").asText(), "Cookie", cookie);
        assertThat(open.statusCode()).isEqualTo(200);
        assertThat(open.body()).contains("secret.txt");
        assertThat(get(file.path("info_url").asText()).statusCode()).as("the owner's link").isEqualTo(200);
    }

    @Test
    void passwordGuessesAreLimitedPerAddress() {
        Session session = signInNewUser();
        String url = page(session, folder(session, "guarded", "is_public", "1", "access_password", SECRET_MD5));
        server.clock().advance(Duration.ofMinutes(1));

        for (int i = 0; i < FolderRoutes.ATTEMPTS_PER_MINUTE; i++) {
            assertThat(unlock(url, "guess" + i).statusCode()).isEqualTo(403);
        }
        HttpResponse<String> refused = unlock(url, SECRET);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.headers().firstValue("Set-Cookie")).isEmpty();
        server.clock().advance(Duration.ofMinutes(1));
        assertThat(unlock(url, SECRET).statusCode())
                .isEqualTo(303);
    }

    @Test
    void aSubFolderOfAPasswordFolderNeedsThatPasswordToo() {
        Session session = signInNewUser();
        String parent = folder(session, "parent", "is_public", "1", "access_password", SECRET_MD5);
        String child = folder(session, "child", "is_public", "1", "parent_id", parent);
        upload(session, child, "child-file.txt", "c");
        String url = page(session, child);

        assertThat(get(url).body()).contains("type=\"password\"").doesNotContain("child-file.txt");
        HttpResponse<String> right = unlock(url, SECRET);
        String setCookie = right.headers().firstValue("Set-Cookie").orElseThrow();
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));

        assertThat(get(url, "Cookie", cookie).body()).contains("child-file.txt");
        assertThat(get(page(session, parent), "Cookie", cookie).body()).contains("child");
    }

    @Test
    void namesAreEscapedOnThePage() {
        Session session = signInNewUser();
        String name = "<script>alert('folder')</script> & \"co\"";
        String id = folder(session, name, "is_public", "2");
        folder(session, "<b>sub</b>", "is_public", "2", "parent_id", id);
        upload(session, id, "<img src=x onerror=alert(1)>.txt", "x");

        HttpResponse<String> response = get(page(session, id));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("&lt;script&gt;alert(&#39;folder&#39;)&lt;/script&gt; &amp; &quot;co&quot;")
                .contains("&lt;b&gt;sub&lt;/b&gt;")
                .contains("&lt;img src=x onerror=alert(1)&gt;.txt")
                .doesNotContain("<script>").doesNotContain("<b>sub").doesNotContain("<img");
        assertThat(page(session, id)).endsWith("/_script_alert__folder____script_____co_");
    }

    @Test
    void aDeletedFolderPageIsGone() {
        Session session = signInNewUser();
        String id = folder(session, "soon gone", "is_public", "2");
        String url = page(session, id);
        assertThat(get(url).statusCode()).isEqualTo(200);

        session.call("folder/delete", "folder_id", id);

        assertThat(get(url).statusCode()).isEqualTo(404);
    }

    private static String base() {
        return api().base();
    }

    private static String folder(Session session, String name, String... params) {
        String[] pairs = new String[params.length + 2];
        pairs[0] = "folder_name";
        pairs[1] = name;
        System.arraycopy(params, 0, pairs, 2, params.length);
        ApiReply reply = session.call("folder/create", pairs);
        assertThat(reply.isSuccess()).as(reply.body()).isTrue();
        return reply.data().path("id").asText();
    }

    private static JsonNode upload(Session session, String folderId, String name, String content) {
        ApiReply reply = session.upload(name, content.getBytes(StandardCharsets.UTF_8), "folder_id", folderId);
        assertThat(reply.isSuccess()).as(reply.body()).isTrue();
        return reply.data().get(0);
    }

    /** The folder's url_folder, as the API hands it out. */
    private static String page(Session session, String folderId) {
        return session.call("folder/info", "folder_id", folderId).data().path("url_folder").asText();
    }

    private static HttpResponse<String> get(String url, String... headers) {
        return Pages.get(url, headers);
    }

    /** A visitor opens the folder's password form and answers it. */
    private static HttpResponse<String> unlock(String url, String password) {
        return SiteClient.submitOnce(url, "password", password);
    }
}
