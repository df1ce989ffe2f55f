package dev.filehost.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.filehost.support.ApiTestBase;
import dev.filehost.support.Session;
import dev.filehost.support.TestServer;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Health probes and the Prometheus endpoint, as a load balancer and a scraper see them. */
class MonitoringApiTest extends ApiTestBase {
    private static final String TOKEN = "metrics-token-for-tests";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ROUTE_LABEL = Pattern.compile("uri=\"([^\"]*)\"");

    @Override
    protected Map<String, String> serverEnvironment() {
        return Map.of("FILEHOST_METRICS_TOKEN", TOKEN);
    }

    @Test
    void liveAndReadyAnswerWhileTheServerRuns() throws Exception {
        HttpResponse<byte[]> live = get(server, "/health/live");
        HttpResponse<byte[]> ready = get(server, "/health/ready");

        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(live.body()).path("status").asText()).isEqualTo("up");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(JSON.readValue(ready.body(), Map.class))
                .isEqualTo(Map.of("status", "ready", "database", "up", "store", "up"));
    }

    @Test
    void readyIsUnavailableWhenTheDatabaseIsGone() throws Exception {
        String kind = server.settings().usesPostgres() ? "postgresql" : "sqlite";
        try (TestServer own = TestServer.start(kind)) {
            own.app().components().database().close();

            HttpResponse<byte[]> ready = get(own, "/health/ready");

            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(JSON.readValue(ready.body(), Map.class))
                    .containsEntry("status", "unavailable").containsEntry("database", "down")
                    .containsEntry("store", "up");
            assertThat(get(own, "/health/live").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void metricsCountUploadedAndDownloadedBytesAsTheyFlow() {
        Session session = signInNewUser();
        byte[] content = new byte[100_000];
        new Random(7).nextBytes(content);
        String before = scrape();

        String fileId = session.upload("counted.bin", content).data().get(0).path("file_id").asText();
        String url = session.call("file/download", "file_id", fileId).data().path("download_url").asText();
        assertThat(api().fetch(url).body()).isEqualTo(content);
        assertThat(api().fetch(url, "Range", "bytes=0-999").body()).isEqualTo(Arrays.copyOf(content, 1000));

        String after = scrape();
        assertThat(sample(after, "filehost_upload_bytes_total", "source=\"api\"")
                - sample(before, "filehost_upload_bytes_total", "source=\"api\"")).isEqualTo(100_000);
        assertThat(sample(after, "filehost_download_bytes_total") - sample(before, "filehost_download_bytes_total"))
                .isEqualTo(101_000);
    }

    @Test
    void requestsAreCountedByRouteTemplateAndStatusNeverByRawPath() {
        Session session = signInNewUser();
        String fileId = session.upload("routes.bin", new byte[] {1, 2, 3}).data().get(0).path("file_id").asText();
        String url = session.call("file/download", "file_id", fileId).data().path("download_url").asText();
        String shortUrl = URI.create(url).getPath().split("/")[1];
        api().fetch(url, "Range", "bytes=0-0");
        api().get("no/such/endpoint-" + shortUrl, Map.of());
        api().fetch(api().base() + "/a/b/c/" + shortUrl);

        String metrics = scrape();

        assertThat(sample(metrics, "http_server_requests_seconds_count",
                "method=\"POST\"", "status=\"200\"", "uri=\"/api/v2/file/upload\"")).isGreaterThanOrEqualTo(1);
        assertThat(sample(metrics, "http_server_requests_seconds_count",
                "method=\"POST\"", "status=\"200\"", "uri=\"/api/v2/file/download\"")).isGreaterThanOrEqualTo(1);
        assertThat(sample(metrics, "http_server_requests_seconds_count",
                "method=\"GET\"", "status=\"206\"", "uri=\"/{ref}\"")).isGreaterThanOrEqualTo(1);
        assertThat(sample(metrics, "http_server_requests_seconds_count", "uri=\"/api/v2/<unknown>\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(sample(metrics, "http_server_requests_seconds_count", "status=\"404\"", "uri=\"NOT_FOUND\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(ROUTE_LABEL.matcher(metrics).results().map(match -> match.group(1)))
                .isNotEmpty()
                .noneMatch(route -> route.contains("/" + shortUrl) || route.contains("endpoint-"));
    }

    @Test
    void metricsIncludeTransfersTheImportQueueAndTheJvm() {
        String metrics = scrape();

        assertThat(metrics).contains("filehost_transfers_active ", "filehost_url_imports_pending 0",
                "jvm_memory_used_bytes{", "jvm_gc_", "jvm_threads_live_threads ", "process_uptime_seconds ");
    }

    @Test
    void metricsNeedTheBearerToken() {
        String metricsUrl = server.client().base() + "/metrics";

        assertThat(api().fetch(metricsUrl).statusCode()).isEqualTo(403);
        assertThat(api().fetch(metricsUrl, "Authorization", "Bearer wrong").statusCode()).isEqualTo(403);
        assertThat(api().fetch(metricsUrl, "Authorization", "Basic " + TOKEN).statusCode()).isEqualTo(403);
        HttpResponse<byte[]> allowed = api().fetch(metricsUrl, "Authorization", "bearer " + TOKEN);
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/plain").contains("version=0.0.4"));
    }

    @Test
    void metricsRefuseAddressesOutsideTheAllowedRanges() throws Exception {
        String kind = server.settings().usesPostgres() ? "postgresql" : "sqlite";
        try (TestServer own = TestServer.start(kind, Map.of("FILEHOST_METRICS_ALLOW", "10.0.0.0/8,fd00::/8"))) {
            assertThat(get(own, "/metrics").statusCode()).isEqualTo(403);
            assertThat(get(own, "/health/ready").statusCode()).isEqualTo(200);
        }
    }

    private static String scrape() {
        HttpResponse<byte[]> response = api().fetch(api().base() + "/metrics", "Authorization", "Bearer " + TOKEN);
        assertThat(response.statusCode()).isEqualTo(200);
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private static HttpResponse<byte[]> get(TestServer target, String path) {
        return target.client().fetch(target.client().base() + path);
    }

    /** The value of the first sample of {@code name} that has all {@code labels}; 0 when there is none. */
    private static double sample(String metrics, String name, String... labels) {
        return metrics.lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> Arrays.stream(labels).allMatch(line::contains))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(0);
    }
}
