package dev.filehost.web;

import static dev.filehost.web.StatsPagesTest.bar;
import static dev.filehost.web.StatsPagesTest.download;
import static dev.filehost.web.StatsPagesTest.downloadLink;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.filehost.support.ApiClient;
import dev.filehost.support.Session;
import dev.filehost.support.TestServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/** The stats page counts days as the operator's time zone has them, on a server of its own. */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"sqlite", "postgresql"})
class StatsTimeZonePagesTest {
    @Parameter
    String database;

    @Test
    void daysAreTheOperatorsDays() throws Exception {
        try (TestServer server = TestServer.start(database, Map.of("FILEHOST_TIMEZONE", "Etc/GMT+12"))) {
            ApiClient client = server.client();
            var admin = server.admin();
            var auth = client.post("authorize", ApiClient.params("key1", admin.keys().key1(), "key2", admin.keys().key2()));
            Session session = new Session(client, auth.data().path("access_token").asText(),
                    auth.data().path("account_id").asText());
            var upload = session.upload("zoned.txt", "tz".getBytes(StandardCharsets.UTF_8));
            assertThat(upload.isSuccess()).as(upload.body()).isTrue();
            JsonNode file = upload.data().get(0);
            LocalDate utcDay = LocalDate.ofInstant(server.clock().instant(), ZoneOffset.UTC);

            // 10:00 UTC is 22:00 of the day before at UTC-12; three hours later it is the next day there too.
            String link = downloadLink(session, file);
            download(client, link);
            server.clock().advance(Duration.ofHours(3));
            download(client, link);
            Page page = Page.of(client.fetch(file.path("stats_url").asText())).isHtml(200);

            assertThat(page.body()).contains(
                    bar(utcDay.minusDays(1), "1 download"), bar(utcDay, "1 download"));
        }
    }
}
