package dev.filehost.web;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.filehost.support.OpenApiContract;
import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The check every API answer of the suite goes through: it must catch a renamed, added or retyped key. */
class OpenApiContractTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpHeaders NO_HEADERS = HttpHeaders.of(Map.of(), (name, value) -> true);
    private static final String FILE_INFO = """
            {"data":{"id":"12","filename":"a.txt","shortUrl":"2U2","fileType":"text/plain","extension":"txt",
            "fileSize":"5","uploadedIP":"127.0.0.1","uploadedDate":"2026-01-15 10:00:00","status":"active",
            "file_status":"active","downloads":"0","lastAccessed":null,"folderId":null,"keywords":"a,txt",
            "isPublic":"1","uploadSource":"api","description":null,"url_file":"http://h/2U2",
            "url_file_info":"http://h/2U2~i","url_file_stats":"http://h/2U2~s","url_file_delete":"http://h/2U2~d?x"},
            "_status":"success","_datetime":"2026-01-15 10:00:00"}""";
    private static final String ERROR = """
            {"status":"error","response":"Could not find the requested API endpoint.","_status":"error",
            "_datetime":"2026-01-15 10:00:00"}""";

    private final OpenApiContract contract = OpenApiContract.get();

    @Test
    void aFileObjectAsTheServerSendsItPasses() throws Exception {
        assertThatCode(() -> contract.check("POST", "/api/v2/file/info", 200, NO_HEADERS, JSON.readTree(FILE_INFO)))
                .doesNotThrowAnyException();
        assertThatCode(() -> contract.check("GET", "/api/v2/file/info/", 200, NO_HEADERS, JSON.readTree(ERROR)))
                .doesNotThrowAnyException();
    }

    @Test
    void aSizeSentAsANumberFailsNamingTheEndpointAndThePath() throws Exception {
        ObjectNode body = (ObjectNode) JSON.readTree(FILE_INFO);
        ((ObjectNode) body.get("data")).put("fileSize", 5);

        assertThatThrownBy(() -> contract.check("POST", "/api/v2/file/info", 200, NO_HEADERS, body))
                .hasMessageContaining("POST /api/v2/file/info").hasMessageContaining("/data/fileSize");
    }

    @Test
    void anAddedOrRenamedKeyFails() throws Exception {
        ObjectNode added = (ObjectNode) JSON.readTree(FILE_INFO);
        ((ObjectNode) added.get("data")).put("owner", "1");
        ObjectNode renamed = (ObjectNode) JSON.readTree(FILE_INFO);
        ((ObjectNode) renamed.get("data")).set("file_size", ((ObjectNode) renamed.get("data")).remove("fileSize"));

        assertThatThrownBy(() -> contract.check("POST", "/api/v2/file/info", 200, NO_HEADERS, added))
                .hasMessageContaining("owner");
        assertThatThrownBy(() -> contract.check("POST", "/api/v2/file/info", 200, NO_HEADERS, renamed))
                .hasMessageContaining("fileSize").hasMessageContaining("file_size");
    }

    @Test
    void anUndocumentedStatusOrEndpointFails() throws Exception {
        JsonNode success = JSON.readTree(FILE_INFO);

        assertThatThrownBy(() -> contract.check("POST", "/api/v2/file/info", 302, NO_HEADERS, success))
                .hasMessageContaining("does not list");
        assertThatThrownBy(() -> contract.check("POST", "/api/v2/file/details", 200, NO_HEADERS, success))
                .hasMessageContaining("/api/v2/file/details");
    }

    @Test
    void aRateLimitAnswerNeedsRetryAfter() throws Exception {
        JsonNode error = JSON.readTree(ERROR);
        HttpHeaders retryAfter = HttpHeaders.of(Map.of("Retry-After", List.of("3")), (name, value) -> true);

        assertThatThrownBy(() -> contract.check("POST", "/api/v2/account/info", 429, NO_HEADERS, error))
                .hasMessageContaining("Retry-After");
        assertThatCode(() -> contract.check("POST", "/api/v2/account/info", 429, retryAfter, error))
                .doesNotThrowAnyException();
    }
}
