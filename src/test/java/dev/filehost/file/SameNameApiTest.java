package dev.filehost.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.filehost.support.ApiClient;
import dev.filehost.support.ApiReply;
import dev.filehost.support.ApiTestBase;
import dev.filehost.support.Session;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A name a folder already has: uploads take a free "name (n).ext", renames and copies keep the
 * name as the original does; long names answer as promptly as short ones.
 */
class SameNameApiTest extends ApiTestBase {
    private static final String LONG = "L".repeat(300) + ".txt";
    /** What the long name is stored as: cut to 255 characters, the extension kept. */
    private static final String LONG_STORED = "L".repeat(251) + ".txt";
    private static final Duration PROMPTLY = Duration.ofSeconds(20);

    private static ApiReply promptly(Supplier<ApiReply> call) {
        return assertTimeoutPreemptively(PROMPTLY, call::get);
    }

    private static ApiReply upload(Session session, String name, int seed, String... fields) {
        ApiReply reply = promptly(() -> session.upload(name, (name + seed).getBytes(StandardCharsets.UTF_8), fields));
        assertThat(reply.isSuccess()).as(reply.body()).isTrue();
        return reply;
    }

    private static String id(ApiReply upload) {
        return upload.data().get(0).path("file_id").asText();
    }

    @Test
    void aLongNameUploadedAgainIsNumberedWithinTheMaximumLength() {
        Session session = signInNewUser();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            names.add(upload(session, LONG, i).data().get(0).path("name").asText());
        }

        assertThat(names).containsExactly(LONG_STORED, "L".repeat(247) + " (2).txt", "L".repeat(247) + " (3).txt",
                "L".repeat(247) + " (4).txt");
        assertThat(names).allMatch(name -> name.length() <= FileNames.MAX_LENGTH);
    }

    @Test
    void aCopyKeepsTheNameEvenWhereTheFolderHasIt() {
        Session session = signInNewUser();
        String longId = id(upload(session, LONG, 1));
        String shortId = id(upload(session, "a.txt", 2));

        ApiReply longCopy = promptly(() -> session.call("file/copy", "file_id", longId, "copy_to_folder_id", ""));
        ApiReply shortCopy = promptly(() -> session.call("file/copy", "file_id", shortId, "copy_to_folder_id", ""));
        ApiReply again = promptly(() -> session.call("file/copy", "file_id", shortId, "copy_to_folder_id", ""));

        assertThat(longCopy.json().path("new_file").path("data").path("filename").asText()).isEqualTo(LONG_STORED);
        assertThat(shortCopy.json().path("new_file").path("data").path("filename").asText()).isEqualTo("a.txt");
        assertThat(again.json().path("new_file").path("data").path("filename").asText()).isEqualTo("a.txt");
        assertThat(session.call("folder/listing", "folder_id", "").data().path("files"))
                .extracting(file -> file.path("filename").asText())
                .containsExactlyInAnyOrder(LONG_STORED, LONG_STORED, "a.txt", "a.txt", "a.txt");
    }

    @Test
    void aRenameKeepsTheNameEvenWhereTheFolderHasIt() {
        Session session = signInNewUser();
        upload(session, LONG, 1);
        upload(session, "a.txt", 2);
        String other = id(upload(session, "b.txt", 3));

        ApiReply toShort = promptly(() -> session.call("file/edit", "file_id", other, "filename", "a.txt"));
        assertThat(toShort.data().path("filename").asText()).isEqualTo("a.txt");
        ApiReply toLong = promptly(() -> session.call("file/edit", "file_id", other, "filename", LONG));
        assertThat(toLong.data().path("filename").asText()).isEqualTo(LONG_STORED);
    }

    @Test
    void anUploadWhoseFolderComesAfterTheFileIsNumberedThere() {
        Session session = signInNewUser();
        String folder = session.call("folder/create", "folder_name", "docs").data().path("id").asText();
        upload(session, LONG, 1, "folder_id", folder);

        ApiReply later = promptly(() -> session.client().upload(
                ApiClient.params("access_token", session.accessToken(), "account_id", session.accountId()), LONG,
                "later".getBytes(StandardCharsets.UTF_8), ApiClient.params("folder_id", folder)));

        assertThat(later.data().get(0).path("name").asText()).isEqualTo("L".repeat(247) + " (2).txt");
    }
}
