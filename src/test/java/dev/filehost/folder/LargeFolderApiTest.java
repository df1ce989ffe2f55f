package dev.filehost.folder;

import static dev.filehost.folder.FolderFixtures.folder;
import static dev.filehost.folder.FolderFixtures.names;
import static dev.filehost.folder.FolderFixtures.upload;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.filehost.config.Settings;
import dev.filehost.support.ApiReply;
import dev.filehost.support.ApiTestBase;
import dev.filehost.support.Session;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.junit.jupiter.api.Test;

/** A folder of 10,000 files lists in one go, without a query per row. */
class LargeFolderApiTest extends ApiTestBase {
    private static final int FILES = 10_000;

    @Test
    void tenThousandFilesListQuickly() {
        Session session = signInNewUser();
        String parent = folder(session, "parent");
        String big = folder(session, "big", "parent_id", parent);
        JsonNode first = upload(session, big, "file-00000.txt", "same bytes");
        copyFileRow(Long.parseLong(first.path("file_id").asText()), FILES - 1);

        long start = System.nanoTime();
        session.call("folder/listing", "parent_folder_id", big);
        long firstMillis = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        ApiReply reply = session.call("folder/listing", "parent_folder_id", big);
        long listingMillis = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        ApiReply parentReply = session.call("folder/listing", "parent_folder_id", parent);
        long parentMillis = (System.nanoTime() - start) / 1_000_000;

        String database = server.settings().usesPostgres() ? "PostgreSQL" : "SQLite";
        // The figure to watch: the first call also pays for the JIT warming up.
        System.out.printf("%,d-file /folder/listing on %s: %d ms (first call %d ms; its parent, counting them: %d ms)%n",
                FILES, database, listingMillis, firstMillis, parentMillis);
        assertThat(reply.isSuccess()).as(reply.message()).isTrue();
        List<String> names = names(reply.data().path("files"), "filename");
        assertThat(names).hasSize(FILES).isSorted();
        assertThat(names.getFirst()).isEqualTo("file-00000.txt");
        JsonNode bigFolder = parentReply.data().path("folders").get(0);
        assertThat(bigFolder.path("file_count").asLong()).isEqualTo(FILES);
        assertThat(bigFolder.path("totalSize").asText()).isEqualTo(Long.toString(FILES * 10L));
        assertThat(listingMillis).isLessThan(5_000);
    }

    /** Copies of a file's row under new names and short URLs, in one batch straight into the database. */
    private static void copyFileRow(long fileId, int copies) {
        Settings settings = server.settings();
        Jdbi jdbi = Jdbi.create(settings.dbUrl(), settings.dbUser(), settings.dbPassword());
        Random random = new Random(1);
        jdbi.useTransaction(h -> {
            PreparedBatch batch = h.prepareBatch("""
                    INSERT INTO files (user_id, folder_id, name, extension, mime_type, size, blob_sha256, delete_hash,
                        unique_hash, status, uploaded_ip, upload_source, created_at)
                    SELECT user_id, folder_id, :name, extension, mime_type, size, blob_sha256, :deleteHash,
                        :uniqueHash, status, uploaded_ip, upload_source, created_at
                    FROM files WHERE id = :id""");
            for (int i = 1; i <= copies; i++) {
                batch.bind("id", fileId).bind("name", "file-%05d.txt".formatted(i)).bind("deleteHash", hex(random, 16))
                        .bind("uniqueHash", hex(random, 32)).add();
            }
            batch.execute();
            // Every file the server makes has a short URL (OpenAPI: shortUrl is a string); these rows need one too.
            h.execute("UPDATE files SET short_url = 'c' || id WHERE short_url IS NULL");
        });
    }

    private static String hex(Random random, int bytes) {
        byte[] buffer = new byte[bytes];
        random.nextBytes(buffer);
        return HexFormat.of().formatHex(buffer);
    }
}
