package dev.filehost.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** A tus 1.0 client at the level of requests, for a signed-in session or a guest: every call carries the Bearer token. */
public final class TusRequests {
    public static final String OCTETS = "application/offset+octet-stream";
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String accessToken;

    public TusRequests(ApiClient client, Session session) {
        this(client, session.accessToken());
    }

    /** Every call carries this Bearer token: an access token, or a visitor's guest grant. */
    public TusRequests(ApiClient client, String bearer) {
        this.base = client.base() + "/api/v2/tus/";
        this.accessToken = bearer;
    }

    public String creationUrl() {
        return base;
    }

    /** Upload-Metadata for these key/value pairs. */
    public static String metadata(String... pairs) {
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            entries.add(pairs[i] + " " + Base64.getEncoder().encodeToString(pairs[i + 1].getBytes(StandardCharsets.UTF_8)));
        }
        return String.join(",", entries);
    }

    /** Creates an upload of {@code length} bytes named {@code filename}; its URL. */
    public String create(long length, String filename) {
        HttpResponse<String> created = send("POST", base, null, "Upload-Length", Long.toString(length),
                "Upload-Metadata", metadata("filename", filename));
        if (created.statusCode() != 201) {
            throw new IllegalStateException("creation answered " + created.statusCode() + ": " + created.body());
        }
        return created.headers().firstValue("Location").orElseThrow();
    }

    public HttpResponse<String> patch(String url, long offset, byte[] body, String... headers) {
        List<String> all = new ArrayList<>(List.of("Upload-Offset", Long.toString(offset), "Content-Type", OCTETS));
        all.addAll(List.of(headers));
        return send("PATCH", url, body, all.toArray(String[]::new));
    }

    public HttpResponse<String> head(String url) {
        return send("HEAD", url, null);
    }

    /** Any request with the token, the Tus-Resumable header and these headers (name, value, ...). */
    public HttpResponse<String> send(String method, String url, byte[] body, String... headers) {
        List<String> all = new ArrayList<>(List.of("Tus-Resumable", "1.0.0", "Authorization", "Bearer " + accessToken));
        all.addAll(List.of(headers));
        return sendExactly(method, url, body, all.toArray(String[]::new));
    }

    /** A request with only these headers. */
    public HttpResponse<String> sendExactly(String method, String url, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A PATCH that announces {@code announced} bytes but sends only {@code sent} and stays open; closing
     * the returned socket is the client going away.
     */
    public Socket startPatch(String url, long offset, long announced, byte[] sent) throws IOException {
        URI uri = URI.create(url);
        Socket socket = new Socket(uri.getHost(), uri.getPort());
        OutputStream out = socket.getOutputStream();
        out.write(("PATCH " + uri.getPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                + "\r\nTus-Resumable: 1.0.0\r\nAuthorization: Bearer " + accessToken
                + "\r\nContent-Type: " + OCTETS + "\r\nUpload-Offset: " + offset
                + "\r\nContent-Length: " + announced + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(sent);
        out.flush();
        return socket;
    }

    /** Reads what the server answered on a raw socket, up to the end of its headers. */
    public static String answerOn(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        StringBuilder answer = new StringBuilder();
        int b;
        while ((b = in.read()) != -1 && !answer.toString().endsWith("\r\n\r\n")) {
            answer.append((char) b);
        }
        return answer.toString();
    }
}
