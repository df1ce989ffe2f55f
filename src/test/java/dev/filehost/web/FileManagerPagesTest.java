package dev.filehost.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filehost.admin.Actor;
import dev.filehost.file.UploadRules;
import dev.filehost.support.ApiTestBase;
import dev.filehost.support.Session;
import dev.filehost.support.SiteClient;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The file manager at /account, as a signed-in visitor without JavaScript uses it. */
class FileManagerPagesTest extends ApiTestBase {

    @AfterEach
    void resetFreePackage() {
        server.app().components().packageAdmin().set(Actor.cli(), "Free Account", "max_storage_bytes", "10737418240");
    }

    private static SiteClient signedInOnTheSite(NewUser user) {
        SiteClient visitor = new SiteClient("http://127.0.0.1:" + server.app().port());
        visitor.submit("/account/login", "/account/login", "username", user.username(), "password", user.password());
        return visitor;
    }

    private static String upload(Session session, String name, int size) {
        return session.upload(name, new byte[size]).data().get(0).path("file_id").asText();
    }

    private static String status(Session session, String fileId) {
        return session.call("file/info", "file_id", fileId).data().path("status").asText();
    }

    @Test
    void aFileComesBackFromTheTrashOnlyWhenTheStorageQuotaHasRoomForIt() {
        NewUser user = newUser("1");
        Session session = signIn(user);
        server.app().components().packageAdmin().set(Actor.cli(), "Free Account", "max_storage_bytes", "2500");
        upload(session, "one.bin", 1000);
        String trashed = upload(session, "two.bin", 1000);
        session.call("file/delete", "file_id", trashed);
        String third = upload(session, "three.bin", 1000);
        SiteClient visitor = signedInOnTheSite(user);

        HttpResponse<String> refused = visitor.submit("/account?view=trash", "/account/files",
                "action", "restore", "ids", trashed, "back", "/account?view=trash");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains(UploadRules.QUOTA_FULL);
        assertThat(status(session, trashed)).isEqualTo("trash");

        session.call("file/delete", "file_id", third);
        HttpResponse<String> restored = visitor.submit("/account?view=trash", "/account/files",
                "action", "restore", "ids", trashed, "back", "/account?view=trash");

        assertThat(restored.statusCode()).isEqualTo(303);
        assertThat(status(session, trashed)).isEqualTo("active");
    }

    @Test
    void aPageShownBeforeShowsChangesMadeElsewhereAtOnce() {
        NewUser user = newUser("1");
        Session session = signIn(user);
        String id = upload(session, "before.txt", 10);
        SiteClient visitor = signedInOnTheSite(user);
        assertThat(visitor.get("/account").body()).contains(">before.txt<", "10 bytes of");
        assertThat(visitor.get("/account").body()).contains(">before.txt<");

        session.call("file/edit", "file_id", id, "filename", "after.txt");
        assertThat(visitor.get("/account").body()).contains(">after.txt<").doesNotContain(">before.txt<");

        // As another node or an operator's SQL would: straight into the database.
        server.app().components().database().jdbi().useHandle(h -> h.execute(
                "UPDATE files SET name = 'by-hand.txt', size = 30 WHERE id = ?", Long.parseLong(id)));
        assertThat(visitor.get("/account").body()).contains(">by-hand.txt<", "30 bytes of");
    }

    @Test
    void aFolderOfMoreThanAHundredFilesIsShownAPageAtATime() {
        NewUser user = newUser("1");
        Session session = signIn(user);
        for (int i = 0; i < FileManagerRoutes.PAGE_SIZE + 3; i++) {
            upload(session, String.format("f%03d.txt", i), i + 1);
        }
        SiteClient visitor = signedInOnTheSite(user);

        String first = visitor.get("/account").body();
        String last = visitor.get("/account?sort=name&page=2").body();
        String bySizeDescending = visitor.get("/account?sort=size&dir=desc").body();
        String pastTheEnd = visitor.get("/account?sort=name&page=9").body();

        assertThat(rows(first)).isEqualTo(FileManagerRoutes.PAGE_SIZE);
        assertThat(first).contains("Page 1 of 2", "href=\"/account?sort=name&amp;page=2\">Next page")
                .contains(">f000.txt<", ">f099.txt<").doesNotContain(">f100.txt<", "Previous page");
        assertThat(rows(last)).isEqualTo(3);
        assertThat(last).contains("Page 2 of 2", ">f100.txt<", ">f102.txt<", "Previous page")
                .doesNotContain(">f099.txt<", "Next page");
        assertThat(bySizeDescending.indexOf(">f102.txt<")).isLessThan(bySizeDescending.indexOf(">f101.txt<"));
        assertThat(bySizeDescending).doesNotContain(">f000.txt<", ">f002.txt<");
        assertThat(pastTheEnd).contains("Page 2 of 2", ">f102.txt<");
    }

    private static int rows(String html) {
        return html.split("<tr class=\"file\"", -1).length - 1;
    }
}
