package dev.filehost.web;

import static dev.filehost.web.FilePagesTest.page;
import static dev.filehost.web.FilePagesTest.upload;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.filehost.support.ApiClient;
import dev.filehost.support.ApiTestBase;
import dev.filehost.support.Session;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class StatsPagesTest extends ApiTestBase {
    private static final Pattern BAR = Pattern.compile("<rect class=\"bar\"");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

    /** The tooltip of a day's bar. */
    static String bar(LocalDate day, String downloads) {
        return "<title>" + DAY.format(day) + ": " + downloads + "</title>";
    }

    /** A link from /file/download, as an API client gets it. */
    static String downloadLink(Session session, JsonNode file) {
        return session.call("file/download", "file_id", file.path("file_id").asText())
                .data().path("download_url").asText();
    }

    static void download(ApiClient client, String link) {
        assertThat(client.fetch(link).statusCode()).isEqualTo(200);
    }

    @Test
    void theChartCountsDownloadsMadeThroughALink() {
        Session session = signInNewUser();
        JsonNode file = upload(session, "counted.txt", "count me".getBytes(StandardCharsets.UTF_8));
        Page before = page(file.path("stats_url").asText()).isHtml(200);

        download(api(), downloadLink(session, file));
        download(api(), downloadLink(session, file));
        Page after = page(file.path("stats_url").asText()).isHtml(200);

        LocalDate today = LocalDate.ofInstant(server.clock().instant(), ZoneOffset.UTC);
        assertThat(before.body()).contains("<dt>Total downloads</dt><dd>0</dd>", "<dt>Last 30 days</dt><dd>0</dd>",
                bar(today, "0 downloads"));
        assertThat(BAR.matcher(after.body()).results().count()).isEqualTo(30);
        // Both from one address on one day: one download, as the file's count says.
        assertThat(after.body()).contains("<svg class=\"chart\"", "<dt>Total downloads</dt><dd>1</dd>",
                "<dt>Last 30 days</dt><dd>1</dd>", bar(today, "1 download"),
                bar(today.minusDays(29), "0 downloads"));
    }
}
