package dev.filehost.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filehost.support.ApiReply;
import dev.filehost.support.ApiTestBase;
import dev.filehost.support.Session;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** API tests of the housekeeping jobs: they move the server's clock and run the jobs by hand. */
abstract class JobTestBase extends ApiTestBase {
    private static final AtomicLong SEEDS = new AtomicLong();

    protected static Housekeeping jobs() {
        return server.app().components().housekeeping();
    }

    protected static void advance(Duration duration) {
        server.clock().advance(duration);
    }

    /** Bytes no other test of the class uploads. */
    protected static byte[] uniqueContent() {
        byte[] bytes = new byte[4096];
        new Random(SEEDS.incrementAndGet()).nextBytes(bytes);
        return bytes;
    }

    /** Uploads and answers the new file's id. */
    protected static String upload(Session session, String name, byte[] content, String... fields) {
        ApiReply reply = session.upload(name, content, fields);
        assertThat(reply.isSuccess()).as(reply.body()).isTrue();
        return reply.data().get(0).path("file_id").asText();
    }

    protected static ApiReply info(Session session, String fileId) {
        return session.call("file/info", "file_id", fileId);
    }

    protected static void delete(Session session, String fileId) {
        assertThat(session.call("file/delete", "file_id", fileId).isSuccess()).isTrue();
    }

    /** The bytes a download link of the file serves. */
    protected static byte[] download(Session session, String fileId) {
        ApiReply link = session.call("file/download", "file_id", fileId);
        assertThat(link.isSuccess()).as(link.body()).isTrue();
        HttpResponse<byte[]> response = api().fetch(link.data().path("download_url").asText());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    protected static Path blobsDir() {
        return server.settings().dataDir().resolve("blobs");
    }

    /** Where the local store keeps the blob of this content. */
    protected static Path blobFile(byte[] content) {
        String sha256 = sha256(content);
        return blobsDir().resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    protected static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs every job until nothing is due, then checks that running them again changes nothing. */
    protected static void assertARerunChangesNothing() throws IOException {
        runAll();
        Set<Path> stored = storedFiles();

        assertThat(runAll()).isEqualTo(new Run(0, 0, 0, new OrphanFileSweep.Removed(0, 0)));
        assertThat(storedFiles()).isEqualTo(stored);
    }

    private record Run(int expired, int purged, int swept, OrphanFileSweep.Removed files) {
    }

    private static Run runAll() {
        Housekeeping jobs = jobs();
        return new Run(jobs.inactiveFileExpiry().run(), jobs.trashPurge().run(), jobs.blobSweep().run(),
                jobs.orphanFileSweep().orElseThrow().run());
    }

    private static Set<Path> storedFiles() throws IOException {
        try (Stream<Path> files = Files.walk(blobsDir())) {
            return files.filter(Files::isRegularFile).collect(Collectors.toSet());
        }
    }
}
