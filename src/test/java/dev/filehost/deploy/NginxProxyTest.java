package dev.filehost.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.filehost.support.ApiClient;
import dev.filehost.support.ApiReply;
import dev.filehost.support.NginxProxy;
import dev.filehost.support.Session;
import dev.filehost.support.TestServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** nginx with the proxy settings of docs/nginx/filehost-proxy.conf in front of a server. */
class NginxProxyTest {
    private static final long LARGE = 512L << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static TestServer server;
    private static NginxProxy nginx;

    @BeforeAll
    static void start() throws IOException {
        server = TestServer.start("sqlite", Map.of(
                "FILEHOST_TRUST_PROXY_HEADERS", "true",
                "FILEHOST_TRUSTED_PROXIES", NginxProxy.UPSTREAM_SOURCE + "/32",
                "FILEHOST_DOWNLOAD_LOCK_TO_ADDRESS", "true"));
        nginx = NginxProxy.start(URI.create(server.client().base()).getPort());
    }

    @AfterAll
    static void stop() throws Exception {
        if (nginx != null) {
            nginx.close();
        }
        server.close();
    }

    @Test
    void aLargeUploadStreamsThroughWithoutATempFileAndArrivesWhole() throws Exception {
        Session session = signIn(new ApiClient(nginx.base()));
        String boundary = "filehost-proxy-test";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"access_token\"\r\n\r\n"
                + session.accessToken() + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"account_id\"\r\n\r\n"
                + session.accountId() + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"upload_file\"; filename=\"large.bin\"\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        InputStream content = new DigestInputStream(new PseudoRandomBytes(LARGE), md5);
        HttpRequest request = HttpRequest.newBuilder(URI.create(nginx.base() + "/api/v2/file/upload"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() ->
                        new SequenceInputStream(java.util.Collections.enumeration(List.of(
                                new ByteArrayInputStream(head), content, new ByteArrayInputStream(tail))))),
                        head.length + LARGE + tail.length))
                .build();

        CompletableFuture<HttpResponse<String>> upload = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofString());
        long mostTempFiles = 0;
        while (!upload.isDone()) {
            mostTempFiles = Math.max(mostTempFiles, nginx.tempFiles());
            Thread.sleep(20);
        }
        JsonNode answer = JSON.readTree(upload.get().body());

        assertThat(answer.path("_status").asText()).as(answer.toString()).isEqualTo("success");
        JsonNode file = answer.path("data").get(0);
        assertThat(file.path("size").asText()).isEqualTo(Long.toString(LARGE));
        assertThat(file.path("hash").asText()).isEqualTo(HexFormat.of().formatHex(md5.digest()));
        assertThat(mostTempFiles).as("files in nginx's temp directories during the upload").isZero();
        assertThat(nginx.peakMemory()).as("nginx's peak memory").isLessThan(64L << 20);
    }

    @Test
    void rangedDownloadsPassThrough() {
        ApiClient viaProxy = new ApiClient(nginx.base());
        Session session = signIn(viaProxy);
        byte[] content = new byte[10_000];
        new SplittableRandom(7).nextBytes(content);
        String fileId = session.upload("ranged.bin", content).data().get(0).path("file_id").asText();
        String link = proxied(session.call("file/download", "file_id", fileId).data().path("download_url").asText());

        HttpResponse<byte[]> part = viaProxy.fetch(link, "Range", "bytes=100-199");

        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.body()).isEqualTo(java.util.Arrays.copyOfRange(content, 100, 200));
        assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 100-199/10000");
    }

    /** Download links are locked to the address that asked for them: which address that is shows here. */
    @Test
    void theClientAddressComesFromTheProxyOnlyWhenTheRequestComesFromATrustedProxy() throws Exception {
        ApiClient viaProxy = new ApiClient(nginx.base());
        Session session = signIn(viaProxy);
        String fileId = session.upload("locked.txt", "locked".getBytes(StandardCharsets.UTF_8)).data().get(0)
                .path("file_id").asText();
        String direct = session.call("file/download", "file_id", fileId).data().path("download_url").asText();
        String link = proxied(direct);

        // The link was asked for through nginx by 127.0.0.1: nginx forwarded that address.
        assertThat(fetchFrom("127.0.0.1", link, "203.0.113.9")).as("through nginx, forged header").isEqualTo(200);
        assertThat(fetchFrom("127.0.0.3", link, null)).as("through nginx from another client").isEqualTo(403);
        // Straight to the server from 127.0.0.3, claiming to be 127.0.0.1: the header is not believed.
        assertThat(fetchFrom("127.0.0.3", direct, "127.0.0.1")).as("direct, forged header").isEqualTo(403);
    }

    private static int fetchFrom(String localAddress, String url, String forwardedFor) throws Exception {
        HttpClient client = HttpClient.newBuilder().localAddress(InetAddress.getByName(localAddress)).build();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String proxied(String serverUrl) {
        return serverUrl.replace(server.client().base(), nginx.base());
    }

    private static Session signIn(ApiClient client) {
        var admin = server.admin();
        ApiReply reply = client.post("authorize", ApiClient.params("key1", admin.keys().key1(), "key2", admin.keys().key2()));
        assertThat(reply.isSuccess()).as(reply.body()).isTrue();
        return new Session(client, reply.data().path("access_token").asText(), reply.data().path("account_id").asText());
    }

    /** Bytes that look random, made as they are read: no file or array of the upload's size. */
    private static final class PseudoRandomBytes extends InputStream {
        private final SplittableRandom random = new SplittableRandom(42);
        private long remaining;

        PseudoRandomBytes(long length) {
            this.remaining = length;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (remaining == 0) {
                return -1;
            }
            int count = (int) Math.min(length, remaining);
            for (int i = 0; i < count; i += 8) {
                long value = random.nextLong();
                for (int j = i; j < Math.min(i + 8, count); j++) {
                    buffer[offset + j] = (byte) value;
                    value >>>= 8;
                }
            }
            remaining -= count;
            return count;
        }
    }
}
