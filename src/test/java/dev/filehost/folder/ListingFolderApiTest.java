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
import org.junit.jupiter.api.Test;

/** /folder/listing, and the counts of folder objects after every change of their content. */
class ListingFolderApiTest extends ApiTestBase {

    @Test
    void anEmptyRootListsTwoEmptyArrays() {
        Session session = signInNewUser();

        ApiReply reply = session.call("folder/listing");

        assertThat(reply.isSuccess()).as(reply.body()).isTrue();
        assertThat(reply.data().fieldNames()).toIterable().containsExactly("folders", "files");
        assertThat(reply.data().path("folders").isArray()).isTrue();
        assertThat(reply.data().path("files").isArray()).isTrue();
        assertThat(reply.data().path("folders").size()).isZero();
        assertThat(reply.data().path("files").size()).isZero();
    }

    @Test
    void foldersAndFilesAreSortedByNameWithTheContractsKeys() {
        Session session = signInNewUser();
        folder(session, "beta");
        folder(session, "Alpha");
        folder(session, "gamma");
        String holder = folder(session, "holder");
        upload(session, "", "b.txt", "b");
        upload(session, "", "A.txt", "a");
        upload(session, "", "c.txt", "c");
        upload(session, holder, "inside.txt", "i");

        JsonNode data = listing(session, "");

        assertThat(names(data.path("folders"), "folderName")).containsExactly("Alpha", "beta", "gamma", "holder");
        assertThat(names(data.path("files"), "filename")).containsExactly("A.txt", "b.txt", "c.txt");
        JsonNode folder = data.path("folders").get(0);
        assertThat(folder.fieldNames()).toIterable().containsExactly("id", "parentId", "folderName", "totalSize",
                "isPublic", "status", "date_added", "date_updated", "url_folder", "urlHash", "total_downloads",
                "child_folder_count", "file_count");
        JsonNode file = data.path("files").get(0);
        assertThat(file.fieldNames()).toIterable().containsExactly("id", "filename", "shortUrl", "fileType",
                "extension", "fileSize", "status", "downloads", "folderId", "keywords", "url_file");
        assertThat(file.path("fileSize").isTextual()).isTrue();
        assertThat(file.path("folderId").isNull()).isTrue();
        assertThat(names(listing(session, holder).path("files"), "filename")).containsExactly("inside.txt");
        assertThat(listing(session, holder).path("files").get(0).path("folderId").asText()).isEqualTo(holder);
    }

    @Test
    void theRootHasThreeNamesAndGetWorksToo() {
        Session session = signInNewUser();
        folder(session, "top");

        for (String root : new String[] {"", "0", "null"}) {
            assertThat(names(listing(session, root).path("folders"), "folderName")).as(root).containsExactly("top");
        }
        ApiReply viaGet = api().get("folder/listing", params("access_token", session.accessToken(),
                "account_id", session.accountId()));
        assertThat(names(viaGet.data().path("folders"), "folderName")).containsExactly("top");
    }

    @Test
    void otherPeoplesAndBadFoldersAreNotFound() {
        Session session = signInNewUser();
        Session other = signInNewUser();
        String theirs = folder(other, "theirs");
        upload(other, theirs, "secret.txt", "s");

        for (String bad : new String[] {theirs, "abc", "-5", "1.0", "999999999"}) {
            ApiReply reply = session.call("folder/listing", "parent_folder_id", bad);
            assertThat(reply.isError()).as(bad).isTrue();
            assertThat(reply.message()).isEqualTo("Could not find folder based on folder_id.");
            assertThat(reply.body()).doesNotContain("secret.txt");
        }
        assertThat(listing(session, "").path("folders").size()).isZero();
    }

    @Test
    void countsFollowUploadsCopiesMovesDownloadsAndDeletes() {
        Session session = signInNewUser();
        String top = folder(session, "top");
        String sub = folder(session, "sub", "parent_id", top);
        JsonNode first = upload(session, sub, "one.txt", "12345");
        upload(session, sub, "two.txt", "1234567");

        assertCounts(info(session, top), 12, 0, 1, 0);
        assertCounts(info(session, sub), 12, 0, 0, 2);

        String firstId = first.path("file_id").asText();
        assertThat(session.call("file/copy", "file_id", firstId, "copy_to_folder_id", top).isSuccess()).isTrue();
        assertCounts(info(session, top), 17, 0, 1, 1);

        assertThat(session.call("file/move", "file_id", firstId, "new_parent_folder_id", "").isSuccess()).isTrue();
        assertCounts(info(session, top), 12, 0, 1, 1);
        assertCounts(info(session, sub), 7, 0, 0, 1);

        String url = session.call("file/download", "file_id", session.call("folder/listing", "parent_folder_id", sub)
                .data().path("files").get(0).path("id").asText()).data().path("download_url").asText();
        assertThat(api().fetch(url).statusCode()).isEqualTo(200);
        // Downloads count in the folder that holds the file, not in the folders above it.
        assertCounts(info(session, top), 12, 0, 1, 1);
        assertCounts(info(session, sub), 7, 1, 0, 1);
        assertThat(listing(session, top).path("folders").get(0).path("total_downloads").asLong()).isEqualTo(1);

        String other = folder(session, "other");
        assertThat(session.call("folder/move", "folder_id", sub, "new_parent_folder_id", other).isSuccess()).isTrue();
        assertCounts(info(session, top), 5, 0, 0, 1);
        assertCounts(info(session, other), 7, 0, 1, 0);

        String subFile = listing(session, sub).path("files").get(0).path("id").asText();
        assertThat(session.call("file/delete", "file_id", subFile).isSuccess()).isTrue();
        assertCounts(info(session, other), 0, 0, 1, 0);

        assertThat(session.call("folder/delete", "folder_id", sub).isSuccess()).isTrue();
        assertCounts(info(session, other), 0, 0, 0, 0);
    }

    private static void assertCounts(JsonNode folder, long totalSize, long downloads, long childFolders, long files) {
        assertThat(folder.path("totalSize").asText()).as("totalSize").isEqualTo(Long.toString(totalSize));
        assertThat(folder.path("total_downloads").asLong()).as("total_downloads").isEqualTo(downloads);
        assertThat(folder.path("child_folder_count").asLong()).as("child_folder_count").isEqualTo(childFolders);
        assertThat(folder.path("file_count").asLong()).as("file_count").isEqualTo(files);
    }
}
