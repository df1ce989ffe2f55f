package dev.filehost.account;

import static dev.filehost.support.ApiClient.params;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.filehost.admin.Actor;
import dev.filehost.support.ApiReply;
import dev.filehost.support.ApiTestBase;
import dev.filehost.support.Session;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccountApiTest extends ApiTestBase {

    @Test
    void infoHasEveryKeyOfTheContractAsStringsOrNull() {
        NewUser user = newUser("Premium Account");
        Session session = signIn(user);

        ApiReply reply = session.call("account/info");

        JsonNode data = reply.data();
        assertThat(data.fieldNames()).toIterable().containsExactly("id", "username", "level_id", "email",
                "lastlogindate", "lastloginip", "status", "title", "firstname", "lastname", "languageId",
                "datecreated", "lastPayment", "paidExpiryDate", "storageLimitOverride");
        data.properties().forEach(e -> assertThat(e.getValue().isTextual() || e.getValue().isNull())
                .as(e.getKey()).isTrue());
        assertThat(data.path("id").asText()).isEqualTo(Long.toString(user.id()));
        assertThat(data.path("username").asText()).isEqualTo(user.username());
        assertThat(data.path("level_id").asText()).isEqualTo("2");
        assertThat(data.path("email").asText()).isEqualTo(user.username() + "@example.test");
        assertThat(data.path("status").asText()).isEqualTo("active");
        assertThat(data.path("lastloginip").asText()).isEqualTo("127.0.0.1");
        assertThat(data.path("lastlogindate").asText()).isEqualTo("2026-01-15 10:00:00");
        assertThat(data.path("datecreated").asText()).isEqualTo("2026-01-15 10:00:00");
        assertThat(data.path("storageLimitOverride").isNull()).isTrue();
        assertThat(data.path("paidExpiryDate").isNull()).isTrue();
    }

    @Test
    void storageLimitOverrideShowsAsAString() {
        NewUser user = newUser("1");
        server.app().components().userAdmin().set(Actor.cli(), user.username(), "storageLimitOverride", "5000");

        assertThat(signIn(user).call("account/info").data().path("storageLimitOverride").asText()).isEqualTo("5000");
    }

    @Test
    void packageHasEveryFieldOfTheContractAsStrings() {
        Session session = signIn(newUser("Free Account"));

        ApiReply reply = session.call("account/package");

        JsonNode data = reply.data();
        assertThat(data.fieldNames()).toIterable().containsExactly("id", "label", "max_upload_size", "can_upload",
                "wait_between_downloads", "download_speed", "max_storage_bytes", "show_site_adverts",
                "show_upgrade_screen", "days_to_keep_inactive_files", "concurrent_uploads", "concurrent_downloads",
                "downloads_per_24_hours", "download_size_per_24_hours", "max_download_filesize_allowed",
                "max_remote_download_urls", "level_type", "on_upgrade_page");
        data.properties().forEach(e -> assertThat(e.getValue().isTextual()).as(e.getKey()).isTrue());
        assertThat(data.path("id").asText()).isEqualTo("1");
        assertThat(data.path("label").asText()).isEqualTo("Free Account");
        assertThat(data.path("level_type").asText()).isEqualTo("free user");
        assertThat(data.path("can_upload").asText()).isEqualTo("1");
    }

    @Test
    void seededPackagesMatchTheirLevels() {
        Map<String, String> expected = Map.of("Free Account", "free user", "Premium Account", "paid user",
                "Admin", "admin");
        expected.forEach((label, levelType) -> {
            JsonNode data = signIn(newUser(label)).call("account/package").data();
            assertThat(data.path("level_type").asText()).isEqualTo(levelType);
        });
        assertThat(signIn(newUser("Admin")).call("account/package").data().path("id").asText()).isEqualTo("20");
    }

    @Test
    void packageChangesByTheOperatorShowAtOnce() {
        NewUser user = newUser("1");
        Session session = signIn(user);
        server.app().components().userAdmin().set(Actor.cli(), user.username(), "package", "Premium Account");

        assertThat(session.call("account/package").data().path("id").asText()).isEqualTo("2");
    }

    @Test
    void theAdminCreatedOnFirstStartCanSignIn() {
        var admin = server.admin();
        ApiReply reply = api().post("authorize", params("key1", admin.keys().key1(), "key2", admin.keys().key2()));
        Session session = new Session(api(), reply.data().path("access_token").asText(),
                reply.data().path("account_id").asText());

        JsonNode info = session.call("account/info").data();
        assertThat(info.path("username").asText()).isEqualTo("admin");
        assertThat(info.path("level_id").asText()).isEqualTo("20");
        assertThat(api().post("authorize", params("username", "admin", "password", admin.password())).isSuccess())
                .isTrue();
    }
}
