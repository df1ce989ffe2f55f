package dev.filehost.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.filehost.web.ApiDocsRoutes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The OpenAPI document as a check on every API answer the suite receives: the body must match the
 * schema that the document gives the endpoint, method and status, and the headers it requires
 * must be there. A path or method the document does not describe must answer the error envelope
 * (an unknown endpoint, a method other than GET or POST).
 */
public final class OpenApiContract {
    private static final String API_PREFIX = "/api/v2";
    private static final String SCHEMAS = "#/components/schemas/";
    private static final String TARGET = "answer";
    private static final OpenApiContract INSTANCE = new OpenApiContract(load());

    private final JsonNode document;
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    private OpenApiContract(JsonNode document) {
        this.document = document;
    }

    public static OpenApiContract get() {
        return INSTANCE;
    }

    public JsonNode document() {
        return document;
    }

    /** True for the paths the document describes answers of: the API's, not the document itself. */
    public static boolean covers(String path) {
        return path.startsWith(API_PREFIX + "/") && !path.equals(ApiDocsRoutes.DOCUMENT_PATH)
                || path.equals(API_PREFIX);
    }

    /** Throws an AssertionError naming the endpoint, the JSON path and the reason of every mismatch. */
    public void check(String method, String path, int status, HttpHeaders headers, JsonNode body) {
        String endpoint = endpointOf(path);
        JsonNode operation = document.path("paths").path(endpoint).path(method.toLowerCase(Locale.ROOT));
        String call = method + " " + API_PREFIX + endpoint + " answered HTTP " + status;
        String responsePointer;
        if (operation.isMissingNode()) {
            // Not an operation of the document: only the envelope of an unknown endpoint or a wrong method fits.
            responsePointer = status == 405 ? "/components/responses/MethodNotAllowed" : "/components/responses/NotFound";
        } else {
            JsonNode responses = operation.path("responses");
            String code = Integer.toString(status);
            if (!responses.has(code)) {
                throw new AssertionError(call + ", a status the OpenAPI document does not list for it: " + body);
            }
            responsePointer = "/paths/" + escape(endpoint) + "/" + method.toLowerCase(Locale.ROOT) + "/responses/" + code;
        }
        responsePointer = followRef(responsePointer);
        JsonNode response = document.at(responsePointer);
        response.path("headers").properties().forEach(header -> {
            if (header.getValue().path("required").asBoolean() && headers.firstValue(header.getKey()).isEmpty()) {
                throw new AssertionError(call + " without the header " + header.getKey() + " the OpenAPI document requires");
            }
        });
        String schemaPointer = responsePointer + "/content/application~1json/schema";
        List<Error> errors = schemas.computeIfAbsent(schemaPointer, this::schemaAt).validate(body);
        if (!errors.isEmpty()) {
            throw new AssertionError(call + " not as the OpenAPI document says (" + schemaPointer + "):\n"
                    + errors.stream().map(e -> "  " + location(e) + ": " + e.getMessage())
                            .collect(Collectors.joining("\n"))
                    + "\nbody: " + body);
        }
    }

    /** The JSON pointer of the value that failed; the body itself is "/". */
    private static String location(Error error) {
        String pointer = error.getInstanceLocation().toString();
        return pointer.isEmpty() ? "/" : pointer;
    }

    /** The document's path of an endpoint, as the router reads it: trailing slashes do not count. */
    private static String endpointOf(String path) {
        String endpoint = path.substring(API_PREFIX.length());
        while (endpoint.endsWith("/")) {
            endpoint = endpoint.substring(0, endpoint.length() - 1);
        }
        return endpoint;
    }

    private String followRef(String pointer) {
        JsonNode node = document.at(pointer);
        while (node.has("$ref")) {
            pointer = node.get("$ref").asText().substring(1);
            node = document.at(pointer);
        }
        return pointer;
    }

    /**
     * The schema at {@code pointer} as a JSON Schema 2020-12 document of its own: the document's
     * schemas become its $defs, and the references to them ({@code #/components/schemas/X})
     * follow them there.
     */
    private Schema schemaAt(String pointer) {
        JsonNode target = document.at(pointer);
        if (target.isMissingNode()) {
            throw new AssertionError("the OpenAPI document has no schema at " + pointer);
        }
        ObjectNode defs = (ObjectNode) document.path("components").path("schemas").deepCopy();
        defs.set(TARGET, target.deepCopy());
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("$schema", SpecificationVersion.DRAFT_2020_12.getDialectId());
        root.set("$defs", defs);
        root.put("$ref", "#/$defs/" + TARGET);
        moveRefs(root);
        return registry.getSchema(root);
    }

    private static void moveRefs(JsonNode node) {
        if (node instanceof ObjectNode object && object.path("$ref").asText().startsWith(SCHEMAS)) {
            object.put("$ref", "#/$defs/" + object.get("$ref").asText().substring(SCHEMAS.length()));
        }
        node.forEach(OpenApiContract::moveRefs);
    }

    private static String escape(String endpoint) {
        return endpoint.replace("~", "~0").replace("/", "~1");
    }

    private static JsonNode load() {
        try (InputStream in = OpenApiContract.class.getClassLoader().getResourceAsStream(ApiDocsRoutes.DOCUMENT)) {
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
