package dev.filehost.folder;

import static dev.filehost.folder.FolderFixtures.folder;
import static dev.filehost.folder.FolderFixtures.info;
import static dev.filehost.folder.FolderFixtures.listing;
import static dev.filehost.folder.FolderFixtures.names;
import static dev.filehost.folder.FolderFixtures.upload;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.filehost.support.ApiReply;
import dev.filehost.support.ApiTestBase;
import dev.filehost.support.Session;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Folder answers that follow the original system, measured call by call (docs/api-compatibility.md). */
class OriginalFolderAnswersTest extends ApiTestBase {
    private static final String MD5 = "d9729feb74992cc3482b350163a1a010";

    @Test
    void foldersSayTheirStatusAndListingsTheirStableUrlHashWhichTheirPageAccepts() {
        Session session = signInNewUser();
        String id = folder(session, "shared", "is_public", "2");
        upload(session, id, "inside.txt", "inside");

        JsonNode listed = listing(session, "").path("folders").get(0);
        String urlHash = listed.path("urlHash").asText();

        assertThat(info(session, id).path("status").asText()).isEqualTo("active");
        assertThat(listed.path("status").asText()).isEqualTo("active");
        assertThat(urlHash).matches("[0-9a-f]{32}");
        assertThat(listing(session, "").path("folders").get(0).path("urlHash").asText()).isEqualTo(urlHash);
        assertThat(info(session, id).has("urlHash")).isFalse();
        var page = api().fetch(server.settings().publicUrl() + "/folder/" + urlHash);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(new String(page.body(), StandardCharsets.UTF_8)).contains("inside.txt");
    }

    @Test
    void moveAnswersTheWholeFolderObjectWithItsAccessPassword() {
        Session session = signInNewUser();
        String target = folder(session, "target");
        String moving = folder(session, "moving", "access_password", MD5);

        ApiReply moved = session.call("folder/move", "folder_id", moving, "new_parent_folder_id", target);

        assertThat(moved.data()).isEqualTo(info(session, moving));
        assertThat(moved.data().path("accessPassword").asText()).isEqualTo(MD5);
        assertThat(moved.data().path("status").asText()).isEqualTo("active");
    }

    @Test
    void aFolderIsUpdatedByUploadsIntoItOrBelowItAndByMovesButNotByEmptyEdits() {
        Session session = signInNewUser();
        String top = folder(session, "top");
        String sub = folder(session, "sub", "parent_id", top);
        String other = folder(session, "other");

        ApiReply unchanged = session.call("folder/edit", "folder_id", other, "folder_name", "other");
        assertThat(unchanged.data().path("date_updated").isNull()).as(unchanged.body()).isTrue();

        server.clock().advance(Duration.ofMinutes(5));
        upload(session, sub, "deep.txt", "deep");
        String uploadTime = info(session, sub).path("date_updated").asText();
        assertThat(uploadTime).isNotEmpty().isEqualTo(info(session, top).path("date_updated").asText());
        assertThat(listing(session, "").path("folders").get(1).path("date_updated").asText()).isEqualTo(uploadTime);
        assertThat(info(session, other).path("date_updated").isNull()).isTrue();

        server.clock().advance(Duration.ofMinutes(5));
        JsonNode moved = session.call("folder/move", "folder_id", other, "new_parent_folder_id", top).data();
        assertThat(moved.path("date_updated").asText()).isNotEmpty().isNotEqualTo(uploadTime);
    }

    @Test
    void aTrashedFolderStillAnswersItsOwnerWithStatusTrash() {
        Session session = signInNewUser();
        String gone = folder(session, "gone");
        upload(session, gone, "kept.txt", "kept");
        assertThat(session.call("folder/delete", "folder_id", gone).isSuccess()).isTrue();

        JsonNode folder = info(session, gone);
        JsonNode inside = listing(session, gone);

        assertThat(folder.path("status").asText()).isEqualTo("trash");
        assertThat(folder.path("folderName").asText()).isEqualTo("gone");
        assertThat(names(inside.path("files"), "filename")).containsExactly("kept.txt");
        assertThat(names(inside.path("files"), "status")).containsExactly("trash");
        assertThat(signInNewUser().call("folder/info", "folder_id", gone).message())
                .isEqualTo("Could not find folder based on folder_id.");
    }

    @Test
    void listingsShowTrashedFilesAndFoldersWithTheirStatus() {
        Session session = signInNewUser();
        String holder = folder(session, "holder", "is_public", "2");
        String active = folder(session, "active", "parent_id", holder);
        String trashed = folder(session, "trashed", "parent_id", holder);
        upload(session, holder, "a-kept.txt", "kept");
        String dropped = upload(session, holder, "b-dropped.txt", "dropped").path("file_id").asText();
        session.call("folder/delete", "folder_id", trashed);
        session.call("file/delete", "file_id", dropped);

        JsonNode data = listing(session, holder);

        assertThat(names(data.path("folders"), "folderName")).containsExactly("active", "trashed");
        assertThat(names(data.path("folders"), "status")).containsExactly("active", "trash");
        assertThat(names(data.path("files"), "filename")).containsExactly("a-kept.txt", "b-dropped.txt");
        assertThat(names(data.path("files"), "status")).containsExactly("active", "trash");
        assertThat(info(session, holder).path("file_count").asLong()).isEqualTo(1);
        assertThat(info(session, holder).path("child_folder_count").asLong()).isEqualTo(1);
        String page = new String(api().fetch(server.settings().publicUrl() + "/folder/" + holder).body(),
                StandardCharsets.UTF_8);
        assertThat(page).contains("a-kept.txt").doesNotContain("b-dropped.txt").doesNotContain("trashed");
        assertThat(active).isNotEmpty();
    }

    @Test
    void totalDownloadsCountOnlyTheFilesDirectlyInTheFolder() {
        Session session = signInNewUser();
        String top = folder(session, "top");
        String sub = folder(session, "sub", "parent_id", top);
        String id = upload(session, sub, "deep.txt", "deep").path("file_id").asText();
        String url = session.call("file/download", "file_id", id).data().path("download_url").asText();

        assertThat(api().fetch(url).statusCode()).isEqualTo(200);

        assertThat(info(session, sub).path("total_downloads").asLong()).isEqualTo(1);
        assertThat(info(session, top).path("total_downloads").asLong()).isZero();
        assertThat(info(session, top).path("totalSize").asText()).isEqualTo("4");
    }
}
