package dev.filehost.folder;

import static dev.filehost.folder.FolderFixtures.folder;
import static dev.filehost.folder.FolderFixtures.info;
import static dev.filehost.folder.FolderFixtures.listing;
import static dev.filehost.folder.FolderFixtures.names;
import static dev.filehost.folder.FolderFixtures.upload;
import static dev.filehost.support.ApiClient.params;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.filehost.support.ApiReply;
import dev.filehost.support.ApiTestBase;
import dev.filehost.support.Session;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** /folder/create, info, edit and delete. */
class FolderApiTest extends ApiTestBase {
    private static final String MD5 = "d9729feb74992cc3482b350163a1a010";
    private static final String NOT_FOUND = "Could not find folder based on folder_id.";

    @Test
    void createAnswersTheFolderObjectOfTheSeed() {
        Session session = signInNewUser();

        ApiReply reply = session.call("folder/create", "folder_name", "My New Folder", "is_public", "2",
                "access_password", MD5);

        assertThat(reply.isSuccess()).as(reply.body()).isTrue();
        assertThat(reply.message()).isEqualTo("Folder successfully created.");
        JsonNode folder = reply.data();
        assertThat(folder.fieldNames()).toIterable().containsExactly("id", "parentId", "folderName", "totalSize",
                "isPublic", "accessPassword", "status", "date_added", "date_updated", "url_folder", "total_downloads",
                "child_folder_count", "file_count");
        assertThat(folder.path("status").asText()).isEqualTo("active");
        String id = folder.path("id").asText();
        assertThat(folder.path("id").isTextual()).isTrue();
        assertThat(id).matches("[0-9]+");
        assertThat(folder.path("parentId").isNull()).isTrue();
        assertThat(folder.path("folderName").asText()).isEqualTo("My New Folder");
        assertThat(folder.path("totalSize").isTextual()).isTrue();
        assertThat(folder.path("totalSize").asText()).isEqualTo("0");
        assertThat(folder.path("isPublic").asText()).isEqualTo("2");
        assertThat(folder.path("accessPassword").asText()).isEqualTo(MD5);
        assertThat(folder.path("date_added").asText()).isEqualTo("2026-01-15 10:00:00");
        assertThat(folder.path("date_updated").isNull()).isTrue();
        assertThat(folder.path("url_folder").asText())
                .isEqualTo(server.settings().publicUrl() + "/folder/" + id + "/My_New_Folder");
        for (String count : new String[] {"total_downloads", "child_folder_count", "file_count"}) {
            assertThat(folder.path(count).isNumber()).as(count).isTrue();
            assertThat(folder.path(count).asLong()).as(count).isZero();
        }
    }

    @Test
    void createDefaultsToPrivateWithoutPasswordAndFallsBackToPrivate() {
        Session session = signInNewUser();

        JsonNode plain = session.call("folder/create", "folder_name", "plain").data();
        assertThat(plain.path("isPublic").asText()).isEqualTo("0");
        assertThat(plain.path("accessPassword").isNull()).isTrue();
        assertThat(session.call("folder/create", "folder_name", "u", "is_public", "1").data().path("isPublic").asText())
                .isEqualTo("1");
        for (String odd : new String[] {"3", "-1", "yes", "1.5", "99999999999999999999"}) {
            assertThat(session.call("folder/create", "folder_name", "odd", "is_public", odd).data()
                    .path("isPublic").asText()).as(odd).isEqualTo("0");
        }
        assertThat(session.call("folder/create", "folder_name", "n", "access_password", "null").data()
                .path("accessPassword").isNull()).isTrue();
        assertThat(session.call("folder/create", "folder_name", "upper", "access_password", MD5.toUpperCase()).data()
                .path("accessPassword").asText()).isEqualTo(MD5);
    }

    @Test
    void createRefusesMissingEmptyAndOverlongNamesAndBadPasswords() {
        Session session = signInNewUser();

        assertThat(session.call("folder/create").message()).isEqualTo("Please provide the folder_name param.");
        assertThat(session.call("folder/create", "folder_name", "   ").message())
                .isEqualTo("Please provide the folder_name param.");
        assertThat(session.call("folder/create", "folder_name", "\u0001\u0002").message())
                .isEqualTo("Please provide the folder_name param.");
        assertThat(session.call("folder/create", "folder_name", "x".repeat(1000)).message())
                .isEqualTo("Param folder_name can not be longer than 255 characters.");
        for (String bad : new String[] {"abc", MD5 + "0", MD5.substring(1) + "g", "password"}) {
            ApiReply reply = session.call("folder/create", "folder_name", "p", "access_password", bad);
            assertThat(reply.isError()).as(bad).isTrue();
            assertThat(reply.message()).isEqualTo(
                    "Param access_password must be the MD5 hash of the password: 32 hexadecimal characters.");
        }
        assertThat(listing(session, "").path("folders").size()).isZero();

        JsonNode longest = session.call("folder/create", "folder_name", "y".repeat(255)).data();
        assertThat(longest.path("folderName").asText()).hasSize(255);
    }

    @Test
    void createNestsUnderTheCallersFoldersOnly() {
        Session session = signInNewUser();
        Session other = signInNewUser();
        String parent = folder(session, "parent");
        String foreign = folder(other, "theirs");

        JsonNode child = session.call("folder/create", "folder_name", "child", "parent_id", parent).data();
        assertThat(child.path("parentId").asText()).isEqualTo(parent);
        for (String root : new String[] {"", "0", "null"}) {
            assertThat(session.call("folder/create", "folder_name", "top", "parent_id", root).data()
                    .path("parentId").isNull()).as(root).isTrue();
        }
        for (String bad : new String[] {foreign, "abc", "-1", "99999999"}) {
            assertThat(session.call("folder/create", "folder_name", "x", "parent_id", bad).message()).as(bad)
                    .isEqualTo("Could not find the destination folder id defined by parent_id.");
        }
        assertThat(info(session, parent).path("child_folder_count").asLong()).isEqualTo(1);
        assertThat(listing(other, "").path("folders").size()).isEqualTo(1);
    }

    @Test
    void infoReadsFolderIdAndItsAliasParentFolderId() {
        Session session = signInNewUser();
        String id = folder(session, "Docs", "is_public", "1");

        JsonNode byFolderId = session.call("folder/info", "folder_id", id).data();
        JsonNode byAlias = session.call("folder/info", "parent_folder_id", id).data();

        assertThat(byFolderId.path("folderName").asText()).isEqualTo("Docs");
        assertThat(byFolderId.fieldNames()).toIterable().contains("accessPassword");
        assertThat(byAlias).isEqualTo(byFolderId);
        assertThat(api().get("folder/info", params("access_token", session.accessToken(),
                "account_id", session.accountId(), "folder_id", id)).data()).isEqualTo(byFolderId);
    }

    @Test
    void infoRefusesMissingRootForeignAndBadIds() {
        Session session = signInNewUser();
        String foreign = folder(signInNewUser(), "theirs");

        assertThat(session.call("folder/info").message()).isEqualTo("Please provide the folder_id param.");
        for (String bad : new String[] {"0", "null", "abc", "1e3", foreign, "12345678901234567890"}) {
            ApiReply reply = session.call("folder/info", "folder_id", bad);
            assertThat(reply.isError()).as(bad).isTrue();
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.message()).as(bad).isEqualTo(NOT_FOUND);
        }
    }

    @Test
    void editChangesWhatIsSentAndKeepsWhatIsBlank() {
        Session session = signInNewUser();
        String parent = folder(session, "parent");
        String id = folder(session, "old name", "is_public", "1", "access_password", MD5);
        server.clock().advance(Duration.ofMinutes(5));

        ApiReply renamed = session.call("folder/edit", "folder_id", id, "folder_name", "New Name",
                "parent_id", "", "is_public", "", "access_password", "");

        assertThat(renamed.isSuccess()).as(renamed.body()).isTrue();
        assertThat(renamed.message()).isEqualTo("Folder successfully updated.");
        JsonNode data = renamed.data();
        assertThat(data.fieldNames()).toIterable().contains("accessPassword");
        assertThat(data.path("folderName").asText()).isEqualTo("New Name");
        assertThat(data.path("parentId").isNull()).isTrue();
        assertThat(data.path("isPublic").asText()).isEqualTo("1");
        assertThat(data.path("accessPassword").asText()).isEqualTo(MD5);
        assertThat(data.path("date_updated").asText()).isEqualTo("2026-01-15 10:05:00");
        assertThat(data.path("url_folder").asText()).endsWith("/folder/" + id + "/New_Name");

        JsonNode moved = session.call("folder/edit", "folder_id", id, "parent_id", parent, "is_public", "2",
                "access_password", "null").data();
        assertThat(moved.path("folderName").asText()).isEqualTo("New Name");
        assertThat(moved.path("parentId").asText()).isEqualTo(parent);
        assertThat(moved.path("isPublic").asText()).isEqualTo("2");
        assertThat(moved.path("accessPassword").isNull()).isTrue();

        assertThat(session.call("folder/edit", "folder_id", id, "is_public", "7").data().path("isPublic").asText())
                .isEqualTo("0");
        assertThat(session.call("folder/edit", "folder_id", id, "parent_id", "0").data().path("parentId").isNull())
                .isTrue();
    }

    @Test
    void editRefusesBadValuesAndChangesNothing() {
        Session session = signInNewUser();
        String id = folder(session, "keep", "is_public", "1");
        String child = folder(session, "child", "parent_id", id);
        String foreign = folder(signInNewUser(), "theirs");
        JsonNode before = info(session, id);

        assertThat(session.call("folder/edit", "folder_name", "x").message())
                .isEqualTo("Please provide the folder_id param.");
        assertThat(session.call("folder/edit", "folder_id", foreign, "folder_name", "mine").message())
                .isEqualTo(NOT_FOUND);
        assertThat(session.call("folder/edit", "folder_id", "abc", "folder_name", "mine").message())
                .isEqualTo(NOT_FOUND);
        assertThat(session.call("folder/edit", "folder_id", id, "folder_name", "z".repeat(1000), "is_public", "2")
                .message()).isEqualTo("Param folder_name can not be longer than 255 characters.");
        assertThat(session.call("folder/edit", "folder_id", id, "access_password", "short", "is_public", "2")
                .isError()).isTrue();
        assertThat(session.call("folder/edit", "folder_id", id, "parent_id", foreign, "is_public", "2").message())
                .isEqualTo("Could not find the destination folder id defined by parent_id.");
        assertThat(session.call("folder/edit", "folder_id", id, "parent_id", id).message())
                .isEqualTo("Param folder_id can not match parent_id.");
        assertThat(session.call("folder/edit", "folder_id", id, "parent_id", child, "is_public", "2").message())
                .isEqualTo("Param parent_id can not be a sub-folder of folder_id.");

        assertThat(info(session, id)).isEqualTo(before);
        assertThat(info(session, child).path("parentId").asText()).isEqualTo(id);
    }

    @Test
    void deleteTrashesTheFolderItsSubFoldersAndTheirFilesTogether() {
        Session session = signInNewUser();
        String top = folder(session, "top", "is_public", "2");
        String middle = folder(session, "middle", "parent_id", top, "is_public", "2");
        String bottom = folder(session, "bottom", "parent_id", middle, "is_public", "2");
        String sibling = folder(session, "sibling");
        JsonNode inTop = upload(session, top, "a.txt", "aaa");
        JsonNode inBottom = upload(session, bottom, "b.txt", "bbb");
        JsonNode inSibling = upload(session, sibling, "c.txt", "ccc");

        ApiReply reply = session.call("folder/delete", "folder_id", top);

        assertThat(reply.isSuccess()).as(reply.body()).isTrue();
        assertThat(reply.message()).isEqualTo("Folder successfully set as deleted.");
        assertThat(reply.json().has("data")).isFalse();
        // The owner still sees the trashed folders, each saying so, as in the original.
        assertThat(names(listing(session, "").path("folders"), "status")).containsExactly("active", "trash");
        for (String gone : new String[] {top, middle, bottom}) {
            assertThat(session.call("folder/info", "folder_id", gone).data().path("status").asText()).isEqualTo("trash");
            assertThat(session.call("folder/listing", "parent_folder_id", gone).isSuccess()).isTrue();
        }
        for (JsonNode file : new JsonNode[] {inTop, inBottom}) {
            JsonNode fileInfo = session.call("file/info", "file_id", file.path("file_id").asText()).data();
            assertThat(fileInfo.path("status").asText()).isEqualTo("trash");
            assertThat(api().fetch(file.path("url").asText()).statusCode()).isEqualTo(404);
        }
        assertThat(session.call("file/info", "file_id", inSibling.path("file_id").asText()).data()
                .path("status").asText()).isEqualTo("active");
        assertThat(session.upload("late.txt", new byte[] {1}, "folder_id", bottom).message())
                .isEqualTo("Could not find the destination folder id defined by folder_id.");
        assertThat(session.call("folder/delete", "folder_id", top).message()).isEqualTo(NOT_FOUND);
    }

    @Test
    void deleteRefusesMissingRootForeignAndBadIds() {
        Session session = signInNewUser();
        Session other = signInNewUser();
        String foreign = folder(other, "theirs");

        assertThat(session.call("folder/delete").message()).isEqualTo("Please provide the folder_id param.");
        for (String bad : new String[] {"0", "null", "x", foreign}) {
            assertThat(session.call("folder/delete", "folder_id", bad).message()).as(bad).isEqualTo(NOT_FOUND);
        }
        assertThat(info(other, foreign).path("folderName").asText()).isEqualTo("theirs");
    }
}
