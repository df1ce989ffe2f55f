package dev.filehost.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.filehost.support.ApiTestBase;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Requests Jetty refuses before any route runs, sent as raw bytes: the API's envelope, or the site's page. */
class ProtocolErrorsApiTest extends ApiTestBase {
    private static final String LONG_QUERY = "?q=" + "a".repeat(9000);
    private static final String BIG_HEADER = "X-Filler: " + "b".repeat(20_000) + "\r\n";

    /** The raw answer to {@code request}: status line, headers and body as text. */
    static RawReply exchange(String request) throws IOException {
        int port = URI.create(server.client().base()).getPort();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            return new RawReply(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    record RawReply(String text) {
        int status() {
            return Integer.parseInt(text.substring(9, 12));
        }

        String body() {
            return text.substring(text.indexOf("\r\n\r\n") + 4);
        }

        String header(String name) {
            for (String line : text.substring(0, text.indexOf("\r\n\r\n")).split("\r\n")) {
                if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                    return line.substring(name.length() + 1).strip();
                }
            }
            return null;
        }

        JsonNode json() throws IOException {
            return new ObjectMapper().readTree(body());
        }
    }

    private static void assertEnvelope(RawReply reply, int status, String message) throws IOException {
        assertThat(reply.status()).as(reply.text()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        JsonNode json = reply.json();
        assertThat(json.path("status").asText()).isEqualTo("error");
        assertThat(json.path("response").asText()).isEqualTo(message);
        assertThat(json.path("_status").asText()).isEqualTo("error");
        assertThat(json.path("_datetime").isTextual()).isTrue();
    }

    private static void assertSitePage(RawReply reply, int status, String message) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("text/html");
        assertThat(reply.header("Content-Security-Policy")).startsWith("default-src 'none'");
        assertThat(reply.body()).contains("<p>" + message + "</p>").doesNotContain("jetty", "Jetty");
    }

    @Test
    void aUrlTooLongOnTheApiGetsTheEnvelope() throws IOException {
        RawReply reply = exchange("GET /api/v2/file/info" + LONG_QUERY + " HTTP/1.1\r\nHost: x\r\n\r\n");

        assertEnvelope(reply, 414, "The request URL is too long.");
    }

    @Test
    void headersTooLargeOnTheApiGetTheEnvelope() throws IOException {
        RawReply reply = exchange("GET /api/v2/file/info HTTP/1.1\r\nHost: x\r\n" + BIG_HEADER + "\r\n");

        assertEnvelope(reply, 431, "The request headers are too large.");
    }

    @Test
    void aBadRequestLineOnTheApiGetsTheEnvelope() throws IOException {
        RawReply reply = exchange("GET /api/v2/file/info HTTP/9.9 extra\r\nHost: x\r\n\r\n");

        assertEnvelope(reply, 400, "The request is malformed.");
    }

    @Test
    void pagesGetTheSitesErrorPage() throws IOException {
        assertSitePage(exchange("GET /abc" + LONG_QUERY + " HTTP/1.1\r\nHost: x\r\n\r\n"), 414,
                "The request URL is too long.");
        assertSitePage(exchange("GET /abc HTTP/1.1\r\nHost: x\r\n" + BIG_HEADER + "\r\n"), 431,
                "The request headers are too large.");
        assertSitePage(exchange("GET /abc HTTP/9.9 extra\r\nHost: x\r\n\r\n"), 400, "The request is malformed.");
    }
}
