package dev.filehost.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.filehost.config.S3Settings;
import dev.filehost.support.ApiTestBase;
import dev.filehost.support.S3ProxyServer;
import dev.filehost.support.Session;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** A node with FILEHOST_STORAGE_TYPE=s3: files go to the bucket and come back from it, none to the disk. */
class S3StorageApiTest extends ApiTestBase {
    private static final int PART = 5 << 20;

    @Override
    protected Map<String, String> serverEnvironment() {
        return S3ProxyServer.shared().environment(S3ProxyServer.newBucket());
    }

    @Test
    void aFileOfSeveralPartsGoesToTheBucketAndComesBackWithRanges() throws Exception {
        Session session = signInNewUser();
        byte[] content = randomBytes(2 * PART + 4321);

        JsonNode uploaded = session.upload("large.bin", content).data().get(0);
        String url = session.call("file/download", "file_id", uploaded.path("file_id").asText())
                .data().path("download_url").asText();

        assertThat(api().fetch(url).body()).isEqualTo(content);
        HttpResponse<byte[]> acrossParts = api().fetch(url, "Range", "bytes=" + (PART - 100) + "-" + (PART + 99));
        assertThat(acrossParts.statusCode()).isEqualTo(206);
        assertThat(acrossParts.body()).isEqualTo(Arrays.copyOfRange(content, PART - 100, PART + 100));
        assertThat(api().fetch(url, "Range", "bytes=-10").body())
                .isEqualTo(Arrays.copyOfRange(content, content.length - 10, content.length));
        assertThat(bucketKeys()).contains("blobs/" + hex("SHA-256", content)).noneMatch(key -> key.startsWith("tmp/"));
        assertThat(filesUnderTheDataDirectoryHolding(Arrays.copyOfRange(content, PART, PART + 64))).isEmpty();
        assertThat(server.settings().dataDir().resolve("blobs")).doesNotExist();
    }

    @Test
    void identicalUploadsShareOneObject() throws Exception {
        Session session = signInNewUser();
        byte[] content = randomBytes(70_000);

        session.upload("first.bin", content);
        session.upload("second.bin", content);

        assertThat(bucketKeys()).containsOnlyOnce("blobs/" + hex("SHA-256", content));
    }

    @Test
    void readyReportsTheStoreUp() {
        HttpResponse<byte[]> ready = api().fetch(api().base() + "/health/ready");

        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(new String(ready.body())).contains("\"store\":\"up\"");
    }

    private static List<String> bucketKeys() {
        S3Settings settings = server.settings().s3Storage().orElseThrow();
        try (S3Client s3 = BucketConnector.client(settings)) {
            return s3.listObjectsV2Paginator(r -> r.bucket(settings.bucket())).contents().stream()
                    .map(S3Object::key).toList();
        }
    }

    private static List<Path> filesUnderTheDataDirectoryHolding(byte[] sample) throws IOException {
        try (Stream<Path> files = Files.walk(server.settings().dataDir())) {
            return files.filter(Files::isRegularFile).filter(file -> contains(file, sample)).toList();
        }
    }

    private static boolean contains(Path file, byte[] sample) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            for (int i = 0; i + sample.length <= bytes.length; i++) {
                if (Arrays.equals(bytes, i, i + sample.length, sample, 0, sample.length)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    private static String hex(String algorithm, byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content));
    }
}
