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
