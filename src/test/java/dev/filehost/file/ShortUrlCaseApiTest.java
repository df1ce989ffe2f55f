package dev.filehost.file;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.filehost.support.ApiReply;
import dev.filehost.support.ApiTestBase;
import dev.filehost.support.Session;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Short codes as the original picks them; alone in its class, so that file ids start at 1. */
class ShortUrlCaseApiTest extends ApiTestBase {

    @Test
    void shortUrlsAreUniqueWithoutRegardToCaseAndFoundInAnyCase() {
        Session session = signInNewUser();
        Map<Long, String> codes = new HashMap<>();
        for (int i = 1; i <= 60; i++) {
            ApiReply reply = session.upload("file-" + i + ".txt", ("n" + i).getBytes(StandardCharsets.UTF_8));
            JsonNode file = reply.data().get(0);
            codes.put(file.path("file_id").asLong(), file.path("short_url").asText());
        }
        String site = server.settings().publicUrl();

        // Id 34 has "2a"; base 62 of "160" is "2A", taken but for case, so id 60 gets base 62 of "260".
        assertThat(codes).containsEntry(34L, "2a").containsEntry(59L, ShortUrls.encode(59)).containsEntry(60L, "4c");
        assertThat(codes.values().stream().map(code -> code.toLowerCase(Locale.ROOT)).distinct().count())
                .isEqualTo(60);
        assertThat(session.call("file/info", "file_id", "60").data().path("shortUrl").asText()).isEqualTo("4c");
        assertThat(OriginalFileAnswersTest.pageName(site + "/4C~i")).contains("file-60.txt");
        assertThat(OriginalFileAnswersTest.pageName(site + "/2A~i")).contains("file-34.txt");
        assertThat(session.call("file/download", "short_url", "4C").data().path("file_id").asText()).isEqualTo("60");
    }
}
