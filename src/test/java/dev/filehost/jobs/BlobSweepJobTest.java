package dev.filehost.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filehost.db.Database;
import dev.filehost.file.FileRepository;
import dev.filehost.storage.BlobStore;
import dev.filehost.storage.LocalBlobStore;
import dev.filehost.storage.WriteLimit;
import dev.filehost.support.Session;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sweeps of blobs and stray files, on a server that purges trash at the next run. */
class BlobSweepJobTest extends JobTestBase {
    private static final Duration PAST_GRACE = Housekeeping.GRACE.plusMinutes(1);

    @Override
    protected Map<String, String> serverEnvironment() {
        return Map.of("FILEHOST_TRASH_RETENTION_DAYS", "0");
    }

    @Test
    void anUnreferencedBlobIsSweptOnlyAfterTheGracePeriod() throws Exception {
        byte[] content = uniqueContent();
        Session session = signInNewUser();
        trashAndPurge(session, upload(session, "gone.bin", content));

        jobs().blobSweep().run();
        assertThat(blobFile(content)).exists();
        advance(Housekeeping.GRACE.minusMinutes(1));
        jobs().blobSweep().run();
        assertThat(blobFile(content)).exists();

        advance(Duration.ofMinutes(2));
        assertThat(jobs().blobSweep().run()).isPositive();
        assertThat(blobFile(content)).doesNotExist();
        assertARerunChangesNothing();
    }

    @Test
    void anIdenticalUploadKeepsTheSharedBlob() {
        NewUser owner = newUser("1");
        Session session = signIn(owner);
        byte[] content = uniqueContent();
        String first = upload(session, "first.bin", content);
        String identical = upload(session, "second.bin", content);

        trashAndPurge(session, first);
        advance(PAST_GRACE);
        jobs().blobSweep().run();

        assertThat(blobFile(content)).exists();
        assertThat(download(signIn(owner), identical)).isEqualTo(content);
    }

    @Test
    void contentUploadedAgainOntoABlobAboutToBeSweptKeepsIt() {
        NewUser owner = newUser("1");
        byte[] content = uniqueContent();
        Session before = signIn(owner);
        trashAndPurge(before, upload(before, "old.bin", content));
        advance(PAST_GRACE);

        Session session = signIn(owner);
        String again = upload(session, "again.bin", content);
        jobs().blobSweep().run();

        assertThat(download(session, again)).isEqualTo(content);
    }

    @Test
    void contentUploadedAgainAfterItsBlobWasSweptIsStoredAgain() {
        NewUser owner = newUser("1");
        byte[] content = uniqueContent();
        Session before = signIn(owner);
        trashAndPurge(before, upload(before, "old.bin", content));
        advance(PAST_GRACE);
        jobs().blobSweep().run();
        assertThat(blobFile(content)).doesNotExist();

        Session session = signIn(owner);
        String again = upload(session, "again.bin", content);

        assertThat(download(session, again)).isEqualTo(content);
    }

    /** An upload of content whose blob is due for the sweep, with the sweep running at the worst moments. */
    @Test
    void aSweepRacingAnUploadOfTheSameContentNeverTakesItsBytes() throws Exception {
        byte[] content = uniqueContent();
        try (Database node = Database.open(server.settings())) {
            FileRepository files = new FileRepository(node.jdbi(), node.isPostgres());
            BlobStore store = new LocalBlobStore(blobsDir());
            BlobSweep sweep = jobs().blobSweep();

            makeDue(content);
            store.write(new ByteArrayInputStream(content), WriteLimit.UNLIMITED, blob -> {
                files.referenceBlob(blob, server.clock().millis());
                sweep.run();
            });
            assertThat(blobFile(content)).exists();

            makeDue(content);
            store.write(new ByteArrayInputStream(content), WriteLimit.UNLIMITED, blob -> {
                sweep.run();
                assertThat(blobFile(content)).doesNotExist();
                files.referenceBlob(blob, server.clock().millis());
            });
            assertThat(blobFile(content)).exists();
        }
    }

    @Test
    void blobFilesWithoutARowAndStaleTemporaryFilesGoAfterTheGracePeriod() throws Exception {
        byte[] referenced = uniqueContent();
        upload(signInNewUser(), "kept.bin", referenced);
        Path oldReferenced = aged(blobFile(referenced), PAST_GRACE);
        Path oldOrphan = aged(orphan(uniqueContent()), PAST_GRACE);
        Path newOrphan = orphan(uniqueContent());
        Path oldTemporary = aged(Files.createTempFile(blobsDir().resolve("tmp"), "write-", ".tmp"), PAST_GRACE);
        Path newTemporary = Files.createTempFile(blobsDir().resolve("tmp"), "write-", ".tmp");

        jobs().orphanFileSweep().orElseThrow().run();

        assertThat(oldReferenced).exists();
        assertThat(oldOrphan).doesNotExist();
        assertThat(newOrphan).exists();
        assertThat(oldTemporary).doesNotExist();
        assertThat(newTemporary).exists();
    }

    private static void trashAndPurge(Session session, String fileId) {
        delete(session, fileId);
        jobs().trashPurge().run();
    }

    /** Puts the content's blob back in the state a purge leaves it in long after: no file, old reference. */
    private static void makeDue(byte[] content) {
        Session session = signInNewUser();
        trashAndPurge(session, upload(session, "due.bin", content));
        advance(PAST_GRACE);
    }

    /** Bytes in the blob layout that no row knows of. */
    private static Path orphan(byte[] content) throws Exception {
        Path file = blobFile(content);
        Files.createDirectories(file.getParent());
        return Files.write(file, content);
    }

    private static Path aged(Path file, Duration age) throws Exception {
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(age)));
        return file;
    }
}
