package dev.filehost.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.filehost.support.ApiReply;
import dev.filehost.support.OpenApiContract;
import dev.filehost.support.TestServer;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The OpenAPI document as swagger-parser reads it, as the server sends it, and the /api page around it. */
class ApiDocsTest {
    private static final List<String> ENDPOINTS = List.of("/authorize", "/disable_access_token", "/account/info",
            "/account/package", "/file/upload", "/file/download", "/file/info", "/file/edit", "/file/delete",
            "/file/move", "/file/copy", "/file/url_upload_add", "/file/url_upload_status", "/folder/create",
            "/folder/listing", "/folder/info", "/folder/edit", "/folder/move", "/folder/delete", "/tus", "/tus/{id}");
    private static final Pattern ASSET = Pattern.compile("(?:href|src)=\"(/api/assets/[^\"]+)\"");

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start("sqlite");
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
    }

    @Test
    void swaggerParserReadsTheDocumentWithoutAMessage() throws IOException {
        String yaml;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(ApiDocsRoutes.DOCUMENT)) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIParser().readContents(yaml, null, options);

        assertThat(result.getMessages()).isEmpty();
        assertThat(result.getOpenAPI().getSpecVersion()).isEqualTo(SpecVersion.V31);
        assertThat(result.getOpenAPI().getPaths()).containsOnlyKeys(ENDPOINTS);
    }

    @Test
    void theServerSendsTheDocumentAsJson() throws IOException {
        HttpResponse<byte[]> response = get(ApiDocsRoutes.DOCUMENT_PATH);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(new ObjectMapper().readTree(response.body())).isEqualTo(OpenApiContract.get().document());
    }

    @Test
    void everyDocumentedEndpointIsOneTheRouterKnows() {
        for (String endpoint : ENDPOINTS) {
            // A path parameter gets an example value (the tus upload's id).
            ApiReply reply = server.client().post(endpoint.substring(1).replace("{id}", "0".repeat(32)),
                    java.util.Map.of());
            assertThat(reply.message()).as(endpoint).isNotEqualTo("Could not find the requested API endpoint.");
        }
    }

    @Test
    void theDocumentPathLeavesOtherUnknownEndpointsTo404AndOtherMethodsTo405() {
        ApiReply unknown = server.client().raw("GET", "/api/v2/openapi.yaml", null, null);
        ApiReply putDocument = server.client().raw("PUT", "/api/v2/file/info", null, null);

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.isError()).isTrue();
        assertThat(putDocument.status()).isEqualTo(405);
    }

    @Test
    void thePageLoadsSwaggerUiFromThisSiteUnderItsOwnPolicy() {
        HttpResponse<byte[]> page = get("/api");
        String html = new String(page.body(), StandardCharsets.UTF_8);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(ApiDocsRoutes.POLICY);
        assertThat(ApiDocsRoutes.POLICY).doesNotContain("unsafe-eval", "http:", "https:")
                .contains("script-src 'self';");
        assertThat(html).doesNotContain("http://", "https://", "<script>");
        Matcher assets = ASSET.matcher(html);
        int found = 0;
        while (assets.find()) {
            found++;
            HttpResponse<byte[]> asset = get(assets.group(1));
            assertThat(asset.statusCode()).as(assets.group(1)).isEqualTo(200);
            assertThat(asset.body()).as(assets.group(1)).isNotEmpty();
            assertThat(asset.headers().firstValue("Content-Type").orElseThrow()).as(assets.group(1))
                    .startsWith(expectedType(assets.group(1)));
        }
        assertThat(found).isEqualTo(4);
    }

    @Test
    void swaggerUiFilesAreCachedForAYearAndOnlyTheOnesThePageUsesAreServed() {
        String html = new String(get("/api").body(), StandardCharsets.UTF_8);
        Matcher bundle = Pattern.compile("src=\"(/api/assets/swagger-ui-[^\"]+/)swagger-ui-bundle\\.js\"").matcher(html);
        assertThat(bundle.find()).isTrue();

        HttpResponse<byte[]> script = get(bundle.group(1) + "swagger-ui-bundle.js");
        HttpResponse<byte[]> other = get(bundle.group(1) + "index.html");

        assertThat(script.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(other.statusCode()).isEqualTo(404);
    }

    private static String expectedType(String path) {
        if (path.endsWith(".js")) {
            return "text/javascript";
        }
        return path.endsWith(".css") ? "text/css" : "image/png";
    }

    private static HttpResponse<byte[]> get(String path) {
        return server.client().fetch(server.client().base() + path);
    }
}
