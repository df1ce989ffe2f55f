package dev.filehost.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Talks to the API over real HTTP, the three ways clients do: POST form, multipart, and GET.
 * Every answer of an API endpoint is checked against the OpenAPI document ({@link OpenApiContract}).
 */
public final class ApiClient {
    // Strict: an answer must be one JSON document, nothing after it.
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    public ApiClient(String base) {
        this.base = base;
    }

    public String base() {
        return base;
    }

    public ApiReply post(String endpoint, Map<String, String> params) {
        return send(form(endpoint, params));
    }

    /** A POST form as if from {@code address}, for a server that trusts X-Forwarded-For. */
    public ApiReply postFrom(String address, String endpoint, Map<String, String> params) {
        return send(form(endpoint, params).header("X-Forwarded-For", address));
    }

    private HttpRequest.Builder form(String endpoint, Map<String, String> params) {
        return HttpRequest.newBuilder(uri("/api/v2/" + endpoint))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(params)));
    }

    public ApiReply get(String endpoint, Map<String, String> params) {
        String query = params.isEmpty() ? "" : "?" + encode(params);
        return send(HttpRequest.newBuilder(uri("/api/v2/" + endpoint + query)).GET());
    }

    public ApiReply multipart(String endpoint, Map<String, String> params) {
        String boundary = "----filehost" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        params.forEach((name, value) -> write(body, field(boundary, name, value)));
        write(body, "--" + boundary + "--\r\n");
        return raw("POST", "/api/v2/" + endpoint, "multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    /** A multipart upload: the fields, then the file part, then the fields meant to come after it. */
    public ApiReply upload(Map<String, String> before, String filename, byte[] content, Map<String, String> after) {
        String boundary = "----filehost" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        before.forEach((name, value) -> write(body, field(boundary, name, value)));
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"upload_file\"; filename=\""
                + filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        body.writeBytes(content);
        write(body, "\r\n");
        after.forEach((name, value) -> write(body, field(boundary, name, value)));
        write(body, "--" + boundary + "--\r\n");
        return raw("POST", "/api/v2/file/upload", "multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    private static String field(String boundary, String name, String value) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
    }

    /** A GET of any URL the server handed out, as bytes, with extra headers. */
    public HttpResponse<byte[]> fetch(String url, String... headers) {
        return request("GET", url, headers);
    }

    /** Any method on any URL the server handed out, without a body, as a browser's form or link sends it. */
    public HttpResponse<byte[]> request(String method, String url, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Any method, path and body, for transport-level tests. */
    public ApiReply raw(String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    public static Map<String, String> params(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private ApiReply send(HttpRequest.Builder request) {
        try {
            HttpRequest built = request.build();
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body().isEmpty() ? JSON.nullNode() : parse(response.body());
            String path = built.uri().getPath();
            if (OpenApiContract.covers(path) && !built.method().equals("HEAD")) {
                OpenApiContract.get().check(built.method(), path, response.statusCode(), response.headers(), json);
            }
            return new ApiReply(response.statusCode(), response.headers(), response.body(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    private static String encode(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
