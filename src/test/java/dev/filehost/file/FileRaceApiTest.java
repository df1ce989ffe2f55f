package dev.filehost.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filehost.admin.Actor;
import dev.filehost.support.ApiReply;
import dev.filehost.support.ApiTestBase;
import dev.filehost.support.Session;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Uploads, copies, deletes and downloads of one account at the same time. */
class FileRaceApiTest extends ApiTestBase {
    private static final int FILE_SIZE = 1000;

    @Override
    protected Map<String, String> serverEnvironment() {
        return Map.of("FILEHOST_TRASH_RETENTION_DAYS", "0");
    }

    @AfterEach
    void resetFreePackage() {
        server.app().components().packageAdmin().set(Actor.cli(), "Free Account", "max_storage_bytes", "10737418240");
    }

    @Test
    void parallelUploadsAndCopiesNeverTogetherExceedTheQuota() throws Exception {
        Session session = signInNewUser();
        server.app().components().packageAdmin().set(Actor.cli(), "Free Account", "max_storage_bytes", Long.toString(10L * FILE_SIZE));
        String original = session.upload("original.bin", UploadApiTest.randomBytes(FILE_SIZE, 100))
                .data().get(0).path("file_id").asText();

        List<Callable<ApiReply>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            byte[] content = UploadApiTest.randomBytes(FILE_SIZE, 101 + i);
            calls.add(() -> session.upload("up.bin", content));
            calls.add(() -> session.call("file/copy", "file_id", original, "copy_to_folder_id", ""));
        }
        List<ApiReply> replies = allAtOnce(calls);

        assertThat(replies).filteredOn(ApiReply::isError).extracting(ApiReply::message)
                .containsOnly("There is not enough free storage in your account for this file.");
        assertThat(replies).filteredOn(ApiReply::isSuccess).hasSize(9);
        assertThat(storedBytes(session)).isEqualTo(10L * FILE_SIZE);
    }

    @Test
    void aCopyOverTheQuotaIsRefusedAsAnUploadIs() {
        Session session = signInNewUser();
        server.app().components().packageAdmin().set(Actor.cli(), "Free Account", "max_storage_bytes", Long.toString(FILE_SIZE));
        String id = session.upload("full.bin", UploadApiTest.randomBytes(FILE_SIZE, 120))
                .data().get(0).path("file_id").asText();

        ApiReply upload = session.upload("more.bin", UploadApiTest.randomBytes(1, 121));
        ApiReply copy = session.call("file/copy", "file_id", id, "copy_to_folder_id", "");

        assertThat(copy.isError()).isTrue();
        assertThat(copy.message()).isEqualTo(upload.message())
                .isEqualTo("There is not enough free storage in your account for this file.");
        assertThat(copy.status()).isEqualTo(upload.status());
        assertThat(storedBytes(session)).isEqualTo(FILE_SIZE);
    }

    /** The file goes to the trash, the trash is purged and its blob swept while the download streams. */
    @Test
    void aDownloadInProgressOutlivesTheDeletionOfItsFile() throws Exception {
        Session session = signInNewUser();
        byte[] content = UploadApiTest.randomBytes(8 << 20, 130);
        String id = session.upload("big.bin", content).data().get(0).path("file_id").asText();
        String url = session.call("file/download", "file_id", id).data().path("download_url").asText();

        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            byte[] start = body.readNBytes(64 * 1024);
            assertThat(session.call("file/delete", "file_id", id).isSuccess()).isTrue();
            var jobs = server.app().components().housekeeping();
            jobs.trashPurge().run();
            server.clock().advance(Duration.ofHours(2));
            jobs.blobSweep().run();
            byte[] rest = body.readAllBytes();

            assertThat(response.statusCode()).isEqualTo(200);
            byte[] received = Arrays.copyOf(start, start.length + rest.length);
            System.arraycopy(rest, 0, received, start.length, rest.length);
            assertThat(received).isEqualTo(content);
        }

        HttpResponse<byte[]> afterwards = api().fetch(url);
        assertThat(afterwards.statusCode()).isBetween(400, 499);
        assertThat(session.call("file/download", "file_id", id).isError()).isTrue();
    }

    /** The bytes of the account's active files, all in its root folder. */
    private static long storedBytes(Session session) {
        long total = 0;
        for (var file : session.call("folder/listing", "folder_id", "").data().path("files")) {
            if (file.path("status").asText().equals("active")) {
                total += file.path("fileSize").asLong();
            }
        }
        return total;
    }

    private static <T> List<T> allAtOnce(List<Callable<T>> calls) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(calls.size())) {
            List<Future<T>> futures = pool.invokeAll(calls);
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        }
    }
}
