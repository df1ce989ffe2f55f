package dev.filehost.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.filehost.support.ApiReply;
import dev.filehost.support.ApiTestBase;
import dev.filehost.support.Session;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Thousands of malformed requests to every endpoint, the same ones for the same seed. Each must
 * get the JSON envelope, never a 5xx, in time, and the server must serve normally afterwards.
 * {@code -Dfilehost.fuzz.requests=N} (per database) and {@code -Dfilehost.fuzz.seed=S} run longer or other sequences.
 */
class ApiFuzzTest extends ApiTestBase {
    private static final int REQUESTS = Integer.getInteger("filehost.fuzz.requests", 2000);
    private static final long SEED = Long.getLong("filehost.fuzz.seed", 14L);
    private static final int TIMEOUT_MILLIS = 15_000;
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Set<String> ERROR_FIELDS = Set.of("status", "response", "_status", "_datetime");

    @Test
    void everyEndpointOfTheContractIsRouted() {
        for (String endpoint : FuzzedApiRequests.ENDPOINTS.keySet()) {
            assertThat(api().get(endpoint, Map.of()).message()).as(endpoint).isNotEqualTo(ApiRouter.UNKNOWN_ENDPOINT);
        }
    }

    @Test
    void malformedRequestsGetTheEnvelopeAndLeaveTheServerHealthy() throws Exception {
        NewUser owner = newUser("1");
        Session session = signIn(owner);
        Session other = signInNewUser();
        String otherSecret = "secret-of-another-account-" + UUID.randomUUID();
        FuzzedApiRequests.Accounts accounts = new FuzzedApiRequests.Accounts(session.accessToken(), session.accountId(),
                other.accountId(), files(session, "mine"), folders(session, "mine"), files(other, otherSecret),
                folders(other, otherSecret), owner.keys().key1(), owner.keys().key2(), owner.username(), owner.password());
        FuzzedApiRequests requests = new FuzzedApiRequests(SEED, accounts);
        RawHttpClient http = new RawHttpClient(URI.create(api().base()).getPort(), TIMEOUT_MILLIS);

        List<String> failures = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            FuzzedApiRequests.FuzzedRequest request = requests.next();
            String problem = problemWith(http, request, otherSecret);
            if (problem != null) {
                failures.add("#" + i + " " + request.endpoint() + " (" + request.encoding() + "): " + problem
                        + "\n    request: " + request.summary());
            }
            if (request.endpoint().equals("disable_access_token") || request.endpoint().equals("authorize")) {
                // Either may have ended the owner's token: signing out, or a newer token pushing out the oldest.
                requests.useToken(signIn(owner).accessToken());
            }
        }

        assertThat(failures).as("requests of seed %d that broke the rules", SEED).isEmpty();
        assertServesNormally();
    }

    /** What is wrong with the answer to {@code request}, or null when nothing is. */
    private static String problemWith(RawHttpClient http, FuzzedApiRequests.FuzzedRequest request, String otherSecret) {
        RawHttpClient.Response response;
        try {
            response = http.send(request.bytes(), request.truncated());
        } catch (RawHttpClient.NoAnswerException e) {
            return "no answer within " + TIMEOUT_MILLIS + " ms";
        } catch (IOException e) {
            return isOverJettysRequestLineLimit(request) ? null : "no answer: " + e;
        }
        if (response.status() >= 500) {
            return "status " + response.status() + ": " + response.text();
        }
        if (response.text().contains(otherSecret)) {
            return "another account's data in the answer: " + response.text();
        }
        return envelopeProblem(response);
    }

    /**
     * Jetty refuses a request line over its 8 KiB buffer before any route runs; it answers the
     * envelope (see ProtocolErrors) but may hang up before the client has sent the rest, and the
     * client then sees a reset instead of the answer.
     */
    private static boolean isOverJettysRequestLineLimit(FuzzedApiRequests.FuzzedRequest request) {
        int lineEnd = new String(request.bytes(), StandardCharsets.ISO_8859_1).indexOf("\r\n");
        return lineEnd > 8 * 1024;
    }

    private static String envelopeProblem(RawHttpClient.Response response) {
        String type = String.valueOf(response.header("Content-Type"));
        if (!type.startsWith("application/json")) {
            return "status " + response.status() + ", Content-Type " + type + ": " + response.text();
        }
        JsonNode json;
        try {
            json = JSON.readTree(response.body());
        } catch (IOException e) {
            return "not one JSON document: " + response.text();
        }
        if (json == null || !json.isObject() || !json.path("_datetime").isTextual()) {
            return "not the envelope: " + response.text();
        }
        String status = json.path("_status").asText();
        if (status.equals("success")) {
            return response.status() == 200 ? null : "success with status " + response.status();
        }
        Set<String> fields = new HashSet<>();
        json.fieldNames().forEachRemaining(fields::add);
        boolean wellFormedError = status.equals("error") && fields.equals(ERROR_FIELDS)
                && json.path("status").asText().equals("error") && !json.path("response").asText().isBlank();
        return wellFormedError && Set.of(200, 400, 404, 405, 414, 429, 431).contains(response.status())
                ? null : "status " + response.status() + ", not the error envelope: " + response.text();
    }

    private static List<String> files(Session session, String name) {
        List<String> ids = new ArrayList<>();
        Random random = new Random(name.hashCode());
        for (int i = 0; i < 3; i++) {
            byte[] content = new byte[1000 + i];
            random.nextBytes(content);
            ApiReply reply = session.upload(name + "-" + i + ".bin", content);
            assertThat(reply.isSuccess()).as(reply.body()).isTrue();
            ids.add(reply.data().get(0).path("file_id").asText());
        }
        return ids;
    }

    private static List<String> folders(Session session, String name) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            ApiReply reply = session.call("folder/create", "folder_name", name + "-folder-" + i,
                    "parent_id", ids.isEmpty() ? "" : ids.get(0));
            assertThat(reply.isSuccess()).as(reply.body()).isTrue();
            ids.add(reply.data().path("id").asText());
        }
        return ids;
    }

    private static void assertServesNormally() {
        assertThat(api().fetch(api().base() + "/health/live").statusCode()).isEqualTo(200);
        Session session = signInNewUser();
        byte[] content = "still serving after the fuzz".getBytes();
        ApiReply upload = session.upload("after.txt", content);
        assertThat(upload.isSuccess()).as(upload.body()).isTrue();
        String link = session.call("file/download", "file_id", upload.data().get(0).path("file_id").asText())
                .data().path("download_url").asText();
        assertThat(api().fetch(link).body()).isEqualTo(content);
    }
}
