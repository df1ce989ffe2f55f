package dev.filehost.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filehost.file.FileService;
import dev.filehost.support.Session;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The purge with the default retention of 30 days. */
class TrashPurgeJobTest extends JobTestBase {
    private static final Duration RETENTION = Duration.ofDays(30);

    @Test
    void aTrashedFileIsPurgedAfterTheRetentionWhileItsCopyKeepsServingTheBytes() {
        NewUser owner = newUser("1");
        Session session = signIn(owner);
        byte[] content = uniqueContent();
        String original = upload(session, "report.pdf", content);
        String copy = session.call("file/copy", "file_id", original, "copy_to_folder_id", "")
                .json().path("new_file").path("data").path("id").asText();
        // A download link and a download record, which go with the file.
        assertThat(download(session, original)).isEqualTo(content);
        delete(session, original);

        advance(RETENTION.minusMinutes(1));
        jobs().trashPurge().run();
        assertThat(info(signIn(owner), original).data().path("status").asText()).isEqualTo("trash");

        advance(Duration.ofMinutes(2));
        assertThat(jobs().trashPurge().run()).isPositive();
        jobs().blobSweep().run();

        Session later = signIn(owner);
        assertThat(info(later, original).message()).isEqualTo(FileService.FILE_NOT_FOUND);
        assertThat(blobFile(content)).exists();
        assertThat(download(later, copy)).isEqualTo(content);
    }

    @Test
    void aDeletedFolderTreeIsPurgedWithItsFiles() {
        NewUser owner = newUser("1");
        Session session = signIn(owner);
        String parent = session.call("folder/create", "folder_name", "old").data().path("id").asText();
        String child = session.call("folder/create", "folder_name", "older", "parent_id", parent)
                .data().path("id").asText();
        String grandchild = session.call("folder/create", "folder_name", "oldest", "parent_id", child)
                .data().path("id").asText();
        String file = upload(session, "deep.txt", uniqueContent(), "folder_id", grandchild);
        assertThat(session.call("folder/delete", "folder_id", parent).isSuccess()).isTrue();

        advance(RETENTION.plusMinutes(1));
        jobs().trashPurge().run();

        Session later = signIn(owner);
        assertThat(info(later, file).message()).isEqualTo(FileService.FILE_NOT_FOUND);
        for (String folder : new String[] {parent, child, grandchild}) {
            assertThat(later.call("folder/info", "folder_id", folder).message())
                    .isEqualTo("Could not find folder based on folder_id.");
        }
        assertThat(jobs().trashPurge().run()).isZero();
    }

    @Test
    void theBytesGoWithTheLastFileThatUsedThem() throws Exception {
        NewUser owner = newUser("1");
        Session session = signIn(owner);
        byte[] content = uniqueContent();
        String first = upload(session, "a.bin", content);
        String identical = upload(session, "b.bin", content);
        delete(session, first);

        advance(RETENTION.plusMinutes(1));
        jobs().trashPurge().run();
        jobs().blobSweep().run();
        Session later = signIn(owner);
        assertThat(blobFile(content)).exists();
        assertThat(download(later, identical)).isEqualTo(content);

        delete(later, identical);
        advance(RETENTION.plusMinutes(1));
        jobs().trashPurge().run();
        jobs().blobSweep().run();
        assertThat(info(signIn(owner), identical).message()).isEqualTo(FileService.FILE_NOT_FOUND);
        assertThat(blobFile(content)).doesNotExist();
        assertARerunChangesNothing();
    }
}
