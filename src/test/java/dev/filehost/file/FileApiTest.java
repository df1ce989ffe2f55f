package dev.filehost.file;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.filehost.support.ApiReply;
import dev.filehost.support.ApiTestBase;
import dev.filehost.support.Session;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FileApiTest extends ApiTestBase {
    private static final String NOT_FOUND = "Could not find file based on file_id.";

    private static String uploadId(Session session, String name) {
        return session.upload(name, (name + "-content").getBytes(StandardCharsets.UTF_8))
                .data().get(0).path("file_id").asText();
    }

    @Test
    void infoHasEveryKeyOfTheContract() {
        Session session = signInNewUser();
        String id = uploadId(session, "button_back.gif");

        ApiReply reply = session.call("file/info", "file_id", id);

        JsonNode data = reply.data();
        assertThat(data.fieldNames()).toIterable().containsExactly("id", "filename", "shortUrl", "fileType",
                "extension", "fileSize", "uploadedIP", "uploadedDate", "status", "file_status", "downloads",
                "lastAccessed", "folderId", "keywords", "isPublic", "uploadSource", "description", "url_file",
                "url_file_info", "url_file_stats", "url_file_delete");
        assertThat(data.path("id").asText()).isEqualTo(id);
        assertThat(data.path("filename").asText()).isEqualTo("button_back.gif");
        assertThat(data.path("shortUrl").asText()).isEqualTo(ShortUrls.encode(Long.parseLong(id)));
        assertThat(data.path("extension").asText()).isEqualTo("gif");
        assertThat(data.path("fileSize").asText()).isEqualTo(Integer.toString("button_back.gif-content".length()));
        assertThat(data.path("status").asText()).isEqualTo("active");
        assertThat(data.path("file_status").asText()).isEqualTo("active");
        assertThat(data.path("downloads").asText()).isEqualTo("0");
        assertThat(data.path("keywords").asText()).isEqualTo("button,back,gif");
        assertThat(data.path("folderId").isNull()).isTrue();
        assertThat(data.path("lastAccessed").isNull()).isTrue();
        assertThat(data.path("uploadedIP").asText()).isEqualTo("127.0.0.1");
    }

    @Test
    void otherAccountsFilesAndBadIdsAreNotFound() {
        Session owner = signInNewUser();
        Session stranger = signInNewUser();
        String id = uploadId(owner, "mine.txt");

        for (String endpoint : new String[] {"file/info", "file/edit", "file/delete", "file/download"}) {
            assertThat(stranger.call(endpoint, "file_id", id).message()).as(endpoint).isEqualTo(NOT_FOUND);
        }
        assertThat(stranger.call("file/move", "file_id", id, "new_parent_folder_id", "").message()).isEqualTo(NOT_FOUND);
        assertThat(stranger.call("file/copy", "file_id", id, "copy_to_folder_id", "").message()).isEqualTo(NOT_FOUND);
        for (String bad : new String[] {"abc", "-1", "99999999", "1e3", "99999999999999999999999"}) {
            assertThat(owner.call("file/info", "file_id", bad).message()).isEqualTo(NOT_FOUND);
        }
        assertThat(owner.call("file/info").message()).isEqualTo("Please provide the file_id param.");
        assertThat(owner.call("file/info", "file_id", id).isSuccess()).isTrue();
    }

    @Test
    void editRenamesRetypesAndKeepsBlankValues() {
        Session session = signInNewUser();
        String id = uploadId(session, "sample4_l.jpg");

        ApiReply renamed = session.call("file/edit", "file_id", id, "filename", "sample4.png", "fileType", "");
        assertThat(renamed.message()).isEqualTo("File successfully updated.");
        assertThat(renamed.data().path("filename").asText()).isEqualTo("sample4.png");
        assertThat(renamed.data().path("extension").asText()).isEqualTo("png");

        ApiReply retyped = session.call("file/edit", "file_id", id, "fileType", "application/octet-stream");
        assertThat(retyped.data().path("filename").asText()).isEqualTo("sample4.png");
        assertThat(retyped.data().path("fileType").asText()).isEqualTo("application/octet-stream");

        assertThat(session.call("file/edit", "file_id", id, "fileType", "<script>").isError()).isTrue();
        assertThat(session.call("file/edit", "file_id", id, "folder_id", "424242").message())
                .isEqualTo("Could not find the destination folder id defined by folder_id.");
    }

    @Test
    void deleteSendsToTrash() {
        Session session = signInNewUser();
        String id = uploadId(session, "gone.txt");

        ApiReply deleted = session.call("file/delete", "file_id", id);

        assertThat(deleted.message()).isEqualTo("File successfully set as deleted.");
        assertThat(deleted.data().path("status").asText()).isEqualTo("trash");
        assertThat(session.call("file/info", "file_id", id).data().path("status").asText()).isEqualTo("trash");
        assertThat(session.call("file/delete", "file_id", id).message()).isEqualTo("File successfully set as deleted.");
        assertThat(session.call("file/download", "file_id", id).message()).isEqualTo(NOT_FOUND);
    }

    @Test
    void moveAndCopyNeedTheirDestinationParameter() {
        Session session = signInNewUser();
        String id = uploadId(session, "m.txt");

        assertThat(session.call("file/move", "file_id", id).message())
                .isEqualTo("Please provide the new_parent_folder_id param.");
        assertThat(session.call("file/copy", "file_id", id).message())
                .isEqualTo("Please provide the copy_to_folder_id param.");
        assertThat(session.call("file/move", "file_id", id, "new_parent_folder_id", "777777").message())
                .isEqualTo("Could not find the destination folder id defined by new_parent_folder_id.");
        assertThat(session.call("file/copy", "file_id", id, "copy_to_folder_id", "x").message())
                .isEqualTo("Could not find the destination folder id defined by copy_to_folder_id.");
        for (String root : new String[] {"", "0", "null"}) {
            ApiReply moved = session.call("file/move", "file_id", id, "new_parent_folder_id", root);
            assertThat(moved.message()).isEqualTo("File successfully moved.");
            assertThat(moved.data().path("folderId").isNull()).isTrue();
        }
    }

    @Test
    void copyIsANewFileThatSharesTheBytes() {
        Session session = signInNewUser();
        String id = uploadId(session, "button_back_over.gif");

        ApiReply copied = session.call("file/copy", "file_id", id, "copy_to_folder_id", "0");

        assertThat(copied.message()).isEqualTo("File successfully copyied.");
        assertThat(copied.json().fieldNames()).toIterable()
                .containsExactly("response", "original_file", "new_file", "_status", "_datetime");
        JsonNode original = copied.json().path("original_file").path("data");
        JsonNode copy = copied.json().path("new_file").path("data");
        assertThat(original.path("id").asText()).isEqualTo(id);
        assertThat(copy.path("id").asText()).isNotEqualTo(id);
        assertThat(copy.path("shortUrl").asText()).isNotEqualTo(original.path("shortUrl").asText());
        assertThat(copy.path("filename").asText()).isEqualTo("button_back_over.gif");
        assertThat(copy.path("fileSize").asText()).isEqualTo(original.path("fileSize").asText());
    }

    @Test
    void downloadGivesA64HexTokenUrlByIdOrShortUrl() {
        Session session = signInNewUser();
        String id = uploadId(session, "d.txt");
        String shortUrl = ShortUrls.encode(Long.parseLong(id));

        ApiReply byId = session.call("file/download", "file_id", id);
        ApiReply byShort = session.call("file/download", "short_url", shortUrl);

        assertThat(byId.data().fieldNames()).toIterable().containsExactly("file_id", "filename", "download_url");
        assertThat(byId.data().path("file_id").asText()).isEqualTo(id);
        assertThat(byId.data().path("filename").asText()).isEqualTo("d.txt");
        assertThat(byId.data().path("download_url").asText())
                .matches("\\Q" + server.settings().publicUrl() + "/" + shortUrl + "\\E\\?download_token=[0-9a-f]{64}");
        assertThat(byShort.data().path("file_id").asText()).isEqualTo(id);
        assertThat(session.call("file/download").message()).isEqualTo("Please provide the file_id param.");
        assertThat(session.call("file/download", "short_url", "zzzzzzzzzzzz").message()).isEqualTo(NOT_FOUND);
    }
}
