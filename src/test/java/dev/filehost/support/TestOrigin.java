package dev.filehost.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.zip.GZIPOutputStream;

/** A remote web server for import tests, on loopback: files, slow and endless streams, redirects, errors. */
public final class TestOrigin implements AutoCloseable {
    public static final byte[] FILE = new byte[300_000];

    static {
        new Random(7).nextBytes(FILE);
    }

    private final HttpServer server;
    private final Map<String, Integer> requests = new ConcurrentHashMap<>();
    private volatile String lastAcceptEncoding;

    public TestOrigin() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/files/", exchange -> {
            requests.merge(exchange.getRequestURI().getPath(), 1, Integer::sum);
            send(exchange, FILE, null);
        });
        server.createContext("/named", exchange -> send(exchange, FILE,
                "attachment; filename=\"fallback.pdf\"; filename*=UTF-8''r%C3%A9sum%C3%A9.pdf"));
        server.createContext("/slow", exchange -> trickle(exchange, 10, 150));
        server.createContext("/endless", this::endless);
        server.createContext("/stall", exchange -> trickle(exchange, 2, 20_000));
        server.createContext("/gzipped", this::gzipped);
        server.createContext("/broken", TestOrigin::breakOff);
        server.createContext("/missing", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.createContext("/redirect/", this::redirect);
        server.createContext("/to-ftp", exchange -> {
            exchange.getResponseHeaders().add("Location", "ftp://127.0.0.1/file");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** How many times a path under /files/ was fetched. */
    public int requestsFor(String path) {
        return requests.getOrDefault(path, 0);
    }

    /** The Accept-Encoding of the last request to /gzipped ("(none)" when it had none). */
    public String lastAcceptEncoding() {
        return lastAcceptEncoding;
    }

    /** FILE gzipped and labelled Content-Encoding: gzip, whatever the client asked for. */
    private void gzipped(HttpExchange exchange) throws IOException {
        String acceptEncoding = exchange.getRequestHeaders().getFirst("Accept-Encoding");
        lastAcceptEncoding = acceptEncoding == null ? "(none)" : acceptEncoding;
        exchange.getResponseHeaders().add("Content-Encoding", "gzip");
        send(exchange, gzip(), null);
    }

    /** FILE, gzipped. */
    public static byte[] gzip() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(FILE);
        }
        return bytes.toByteArray();
    }

    private static void send(HttpExchange exchange, byte[] body, String disposition) throws IOException {
        if (disposition != null) {
            exchange.getResponseHeaders().add("Content-Disposition", disposition);
        }
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** {@code chunks} pieces of the file, {@code pauseMillis} apart. */
    private static void trickle(HttpExchange exchange, int chunks, long pauseMillis) throws IOException {
        exchange.sendResponseHeaders(200, FILE.length);
        int chunk = FILE.length / chunks;
        try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; i < chunks; i++) {
                int end = i == chunks - 1 ? FILE.length : (i + 1) * chunk;
                out.write(FILE, i * chunk, end - i * chunk);
                out.flush();
                Thread.sleep(pauseMillis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The importer hung up: that is what some tests want.
        }
    }

    /** Announces the whole file, sends half of it and drops the connection. */
    private static void breakOff(HttpExchange exchange) throws IOException {
        exchange.sendResponseHeaders(200, FILE.length);
        OutputStream out = exchange.getResponseBody();
        out.write(FILE, 0, FILE.length / 2);
        out.flush();
        // A handler that throws makes the JDK server close the connection.
        throw new IOException("the transfer is broken off on purpose");
    }

    /** Bytes without end (bounded at 200 MiB so a broken test cannot run forever). */
    private void endless(HttpExchange exchange) throws IOException {
        exchange.sendResponseHeaders(200, 0);
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; i < 3200; i++) {
                out.write(block);
            }
        } catch (IOException e) {
            // The importer stopped reading at its limit.
        }
    }

    /** /redirect/N answers 302 to /redirect/N-1, and /redirect/0 is the file. */
    private void redirect(HttpExchange exchange) throws IOException {
        int remaining = Integer.parseInt(exchange.getRequestURI().getPath().substring("/redirect/".length()));
        if (remaining == 0) {
            send(exchange, FILE, null);
            return;
        }
        exchange.getResponseHeaders().add("Location", "/redirect/" + (remaining - 1));
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
