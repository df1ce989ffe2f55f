package dev.filehost.web;

import static dev.filehost.web.FilePagesTest.page;
import static dev.filehost.web.FilePagesTest.upload;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.filehost.config.Settings;
import dev.filehost.support.ApiTestBase;
import dev.filehost.support.Pages;
import dev.filehost.support.Session;
import dev.filehost.support.SiteClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The info page and the delete page, which only the holder of the file's delete hash may use. */
class OwnerPagesTest extends ApiTestBase {

    static String status(Session session, JsonNode file) {
        return session.call("file/info", "file_id", file.path("file_id").asText()).data().path("status").asText();
    }

    static Page post(String url) {
        return Page.of(api().request("POST", url, "Content-Type", "application/x-www-form-urlencoded"));
    }

    @Test
    void anHttpDeleteOfTheDeleteUrlTrashesTheFileAsDeleteTypeSays() {
        Session session = signInNewUser();
        JsonNode file = upload(session, "delete me.txt", "bye".getBytes(StandardCharsets.UTF_8));
        String deleteUrl = file.path("delete_url").asText();
        String wrongHash = deleteUrl.substring(0, deleteUrl.indexOf('?') + 1) + "0".repeat(32);

        assertThat(api().request("DELETE", wrongHash).statusCode()).isEqualTo(403);
        assertThat(status(session, file)).isEqualTo("active");
        assertThat(api().request("DELETE", deleteUrl).statusCode()).isEqualTo(204);
        assertThat(status(session, file)).isEqualTo("trash");
        assertThat(api().request("DELETE", file.path("url").asText()).statusCode()).isEqualTo(404);
    }

    @Test
    void theInfoPageShowsTheFactsAndTheDeleteLinkOnlyWithTheHash() {
        Session session = signInNewUser();
        JsonNode file = upload(session, "info me.txt", "info".getBytes(StandardCharsets.UTF_8));
        String hash = file.path("delete_hash").asText();
        String publicInfo = file.path("url").asText() + "~i";

        Page owner = page(file.path("info_url").asText()).isHtml(200);
        Page visitor = page(publicInfo).isHtml(200);
        Page guesser = page(publicInfo + "?" + "0".repeat(32)).isHtml(200);

        assertThat(owner.body()).contains("<h1>info me.txt</h1>", "4 bytes", "text/plain", "<dd>0</dd>",
                file.path("url").asText(), file.path("url").asText() + "/info_me.txt",
                "href=\"" + file.path("delete_url").asText() + "\"");
        for (Page page : List.of(visitor, guesser)) {
            assertThat(page.body()).contains("<h1>info me.txt</h1>", file.path("url").asText() + "/info_me.txt")
                    .doesNotContain(hash, "~d");
        }
        // Only exactly the hash counts: not a prefix, not more, not another parameter.
        for (String query : List.of(hash.substring(1), hash + "&x=1", "hash=" + hash, hash.toUpperCase())) {
            assertThat(page(publicInfo + "?" + query).isHtml(200).body()).as(query).doesNotContain("~d");
        }
    }

    @Test
    void getAsksAndOnlyPostWithTheHashDeletes() {
        Session session = signInNewUser();
        JsonNode file = upload(session, "doomed.txt", "bye".getBytes(StandardCharsets.UTF_8));
        String deleteUrl = file.path("delete_url").asText();

        Page confirm = page(deleteUrl).isHtml(200);
        assertThat(confirm.body()).contains("doomed.txt", "<form method=\"post\" action=\"" + deleteUrl + "\"");
        assertThat(status(session, file)).isEqualTo("active");

        HttpResponse<String> deleted = SiteClient.submitOnce(deleteUrl);

        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(deleted.body()).contains("<h1>File deleted</h1>", "doomed.txt");
        assertThat(status(session, file)).isEqualTo("trash");
        for (String url : List.of(file.path("url").asText(), file.path("info_url").asText(), deleteUrl,
                file.path("stats_url").asText())) {
            page(url).isNotFound();
        }
        post(deleteUrl).isNotFound();
    }

    @Test
    void aDeletePostedWithoutTheFormsCsrfTokenDeletesNothing() {
        Session session = signInNewUser();
        JsonNode file = upload(session, "forged.txt", "stay".getBytes(StandardCharsets.UTF_8));
        String deleteUrl = file.path("delete_url").asText();

        // Another site may know a token of its own, never the one in the holder's cookie.
        String someonesToken = SiteClient.csrfOf(page(deleteUrl).body());

        Page forged = post(deleteUrl).isHtml(403);
        HttpResponse<String> borrowed = Pages.post(deleteUrl, "csrf=" + someonesToken);

        assertThat(forged.body()).contains(SiteGate.FORM_EXPIRED);
        assertThat(borrowed.statusCode()).isEqualTo(403);
        assertThat(status(session, file)).isEqualTo("active");
    }

    @Test
    void aWrongOrMissingHashDeletesNothing() {
        Session session = signInNewUser();
        JsonNode file = upload(session, "kept.txt", "stay".getBytes(StandardCharsets.UTF_8));
        String deletePage = file.path("url").asText() + "~d";
        String wrong = deletePage + "?" + "a".repeat(32);

        for (Page page : List.of(page(deletePage), page(wrong), post(deletePage), post(wrong),
                post(deletePage + "?" + file.path("delete_hash").asText() + "x"))) {
            assertThat(page.isHtml(403).body()).contains("<h1>Not allowed</h1>").doesNotContain("kept.txt", "<form");
        }
        assertThat(status(session, file)).isEqualTo("active");
        page(file.path("url").asText()).isHtml(200);
    }

    @Test
    void privateFilesAreHiddenFromThePublicButTheOwnerLinksStillWork() throws SQLException {
        NewUser user = newUser("1");
        Session session = signIn(user);
        JsonNode file = upload(session, "secret.txt", "secret".getBytes(StandardCharsets.UTF_8));
        session.call("file/move", "file_id", file.path("file_id").asText(),
                "new_parent_folder_id", Long.toString(privateFolderOf(user.id())));
        String url = file.path("url").asText();

        for (String hidden : List.of(url, url + "~i", url + "~s", url + "~p", url + "~d", url + "~d?" + "a".repeat(32))) {
            page(hidden).isNotFound();
        }
        assertThat(page(file.path("info_url").asText()).isHtml(200).body()).contains("secret.txt",
                file.path("delete_url").asText());
        assertThat(SiteClient.submitOnce(file.path("delete_url").asText()).statusCode()).isEqualTo(200);
        assertThat(status(session, file)).isEqualTo("trash");
    }

    /** A private folder of the user, written straight to the database: the test needs only its privacy. */
    private static long privateFolderOf(long userId) throws SQLException {
        Settings settings = server.settings();
        try (Connection db = DriverManager.getConnection(settings.dbUrl(), settings.dbUser(), settings.dbPassword());
             PreparedStatement insert = db.prepareStatement(
                     "INSERT INTO folders (user_id, name, is_public, created_at) VALUES (?, 'private', 0, 0)");
             PreparedStatement select = db.prepareStatement("SELECT MAX(id) FROM folders WHERE user_id = ?")) {
            insert.setLong(1, userId);
            insert.executeUpdate();
            select.setLong(1, userId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
