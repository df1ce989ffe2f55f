package dev.filehost.http;

import static dev.filehost.support.ApiClient.params;
import static org.assertj.core.api.Assertions.assertThat;

import dev.filehost.support.ApiReply;
import dev.filehost.support.TestServer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/** Behaviour that an operator's setting changes, each on a server of its own. */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"sqlite", "postgresql"})
class CustomSettingsApiTest {
    @Parameter
    String database;

    @Test
    void tooManyCallsFromOneAddressGet429WithRetryAfter() throws Exception {
        try (TestServer server = TestServer.start(database, Map.of("FILEHOST_RATE_LIMIT_PER_ADDRESS", "5"))) {
            for (int i = 0; i < 5; i++) {
                assertThat(server.client().post("account/info", params()).status()).isEqualTo(200);
            }
            ApiReply limited = server.client().post("account/info", params());

            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.isError()).isTrue();
            assertThat(limited.message()).isEqualTo("Maximum API request limit reached. Please try again later.");
            assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(
                    seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 60));
        }
    }

    @Test
    void tooManyCallsWithOneTokenGet429() throws Exception {
        try (TestServer server = TestServer.start(database, Map.of("FILEHOST_RATE_LIMIT_PER_TOKEN", "3"))) {
            var admin = server.admin();
            ApiReply auth = server.client().post("authorize",
                    params("key1", admin.keys().key1(), "key2", admin.keys().key2()));
            Map<String, String> session = params("access_token", auth.data().path("access_token").asText(),
                    "account_id", auth.data().path("account_id").asText());
            for (int i = 0; i < 3; i++) {
                assertThat(server.client().post("account/info", session).isSuccess()).isTrue();
            }
            assertThat(server.client().post("account/info", session).status()).isEqualTo(429);
        }
    }

    @Test
    void standardStatusCodesWhenTheOperatorEnablesThem() throws Exception {
        try (TestServer server = TestServer.start(database, Map.of("FILEHOST_API_HTTP_STATUS_CODES", "true"))) {
            ApiReply badToken = server.client().post("account/info",
                    params("access_token", "x".repeat(128), "account_id", "1"));
            assertThat(badToken.status()).isEqualTo(401);
            assertThat(badToken.isError()).isTrue();
            assertThat(server.client().post("account/info", params()).status()).isEqualTo(400);
            assertThat(server.client().post("authorize", params()).status()).isEqualTo(400);

            var admin = server.admin();
            ApiReply auth = server.client().post("authorize",
                    params("key1", admin.keys().key1(), "key2", admin.keys().key2()));
            ApiReply missingFile = server.client().post("file/info", params("file_id", "999999",
                    "access_token", auth.data().path("access_token").asText(),
                    "account_id", auth.data().path("account_id").asText()));
            assertThat(missingFile.status()).isEqualTo(404);
            assertThat(missingFile.message()).isEqualTo("Could not find file based on file_id.");
        }
    }

    @Test
    void passwordSignInCanBeTurnedOff() throws Exception {
        try (TestServer server = TestServer.start(database, Map.of("FILEHOST_API_PASSWORD_LOGIN", "false"))) {
            var admin = server.admin();
            ApiReply reply = server.client().post("authorize",
                    params("username", "admin", "password", admin.password()));

            assertThat(reply.message()).isEqualTo("Please provide key1. It must be 64 characters in length.");
            assertThat(server.client().post("authorize",
                    params("key1", admin.keys().key1(), "key2", admin.keys().key2())).isSuccess()).isTrue();
        }
    }

    @Test
    void theTimeZoneSettingShapesEveryDate() throws Exception {
        try (TestServer server = TestServer.start(database, Map.of("FILEHOST_TIMEZONE", "Asia/Tokyo"))) {
            ApiReply reply = server.client().post("authorize", params());
            assertThat(reply.json().path("_datetime").asText()).isEqualTo("2026-01-15 19:00:00");
        }
    }
}
