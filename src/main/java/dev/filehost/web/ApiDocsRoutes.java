package dev.filehost.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.filehost.http.WebRoutes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The API reference, all from the jar: the OpenAPI document (kept as YAML, sent as JSON) at
 * {@code /api/v2/openapi.json}, and Swagger UI rendering it at {@code /api}.
 */
public final class ApiDocsRoutes implements WebRoutes {
    public static final String DOCUMENT = "openapi/openapi.yaml";
    public static final String DOCUMENT_PATH = "/api/v2/openapi.json";
    /**
     * The site's policy plus what Swagger UI needs: its script and stylesheet from here, the
     * inline styles and data: icons it draws with, and fetches of the document (and of "Try it
     * out" calls) to this origin. Still no inline script and nothing from elsewhere.
     */
    static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
    private static final String WEBJAR_VERSION = "META-INF/maven/org.webjars/swagger-ui/pom.properties";
    /** The files the page uses, by type; the webjar's other files are not served. */
    private static final Map<String, String> UI_FILES = Map.of(
            "swagger-ui-bundle.js", "text/javascript", "swagger-ui.css", "text/css", "favicon-32x32.png", "image/png");
    private static final String PAGE = "openapi/api-page.html";
    private static final String OWN_SCRIPT = "openapi/api-page.js";

    private final byte[] document;
    private final String page;
    private final String uiPath;
    private final Map<String, byte[]> uiFiles;
    private final byte[] ownScript;

    public ApiDocsRoutes() {
        String version = swaggerUiVersion();
        this.document = documentAsJson();
        // The version is in the path, so a new Swagger UI never meets a cached old one.
        this.uiPath = "/api/assets/swagger-ui-" + version + "/";
        this.page = new String(resource(PAGE), StandardCharsets.UTF_8).replace("{{ui}}", uiPath);
        this.uiFiles = UI_FILES.keySet().stream().collect(Collectors.toUnmodifiableMap(
                name -> name, name -> resource(WEBJAR + version + "/" + name)));
        this.ownScript = resource(OWN_SCRIPT);
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get(DOCUMENT_PATH, ctx -> ctx.header("Cache-Control", "no-cache")
                .header("Access-Control-Allow-Origin", "*")
                .contentType("application/json").result(document));
        routes.get("/api", ctx -> ctx.header("Content-Security-Policy", POLICY)
                .header("Cache-Control", "no-cache")
                .header("Referrer-Policy", "no-referrer")
                .html(page));
        routes.get(uiPath + "{file}", this::uiFile);
        routes.get("/api/assets/api-page.js", ctx -> ctx.header("Cache-Control", "no-cache")
                .contentType("text/javascript").result(ownScript));
    }

    private void uiFile(Context ctx) {
        String name = ctx.pathParam("file");
        byte[] body = uiFiles.get(name);
        if (body == null) {
            ctx.status(404);
            return;
        }
        ctx.header("Cache-Control", "public, max-age=31536000, immutable")
                .contentType(UI_FILES.get(name)).result(body);
    }

    /** The document as JSON, converted once: a broken document stops the start, not a visitor. */
    private static byte[] documentAsJson() {
        try {
            return new ObjectMapper().writeValueAsBytes(new ObjectMapper(new YAMLFactory()).readTree(resource(DOCUMENT)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DOCUMENT, e);
        }
    }

    private static String swaggerUiVersion() {
        Properties properties = new Properties();
        try (InputStream in = new java.io.ByteArrayInputStream(resource(WEBJAR_VERSION))) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }

    private static byte[] resource(String name) {
        try (InputStream in = ApiDocsRoutes.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing from the jar: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }
}
