package dev.filehost.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * nginx in front of a test server on loopback, configured with the proxy settings the docs give
 * operators (docs/nginx/filehost-proxy.conf). It reaches the server from {@link #UPSTREAM_SOURCE}.
 */
public final class NginxProxy implements AutoCloseable {
    /** The address nginx connects to the server from: the only one the server trusts as a proxy. */
    public static final String UPSTREAM_SOURCE = "127.0.0.2";
    private static final List<Path> BINARIES = List.of(Path.of("/usr/sbin/nginx"), Path.of("/usr/bin/nginx"));

    private final Path prefix;
    private final Process process;
    private final int port;

    private NginxProxy(Path prefix, Process process, int port) {
        this.prefix = prefix;
        this.process = process;
        this.port = port;
    }

    /** Starts nginx; without an nginx binary the test is skipped, except in CI, where it fails. */
    public static NginxProxy start(int upstreamPort) throws IOException {
        Path nginx = BINARIES.stream().filter(Files::isExecutable).findFirst().orElse(null);
        if (nginx == null && System.getenv("CI") != null) {
            throw new IllegalStateException("nginx is needed by this test in CI (apt-get install nginx-light)");
        }
        assumeTrue(nginx != null, "nginx is not installed (apt-get install nginx-light)");
        Path prefix = Files.createTempDirectory("filehost-nginx");
        Files.createDirectories(prefix.resolve("body"));
        Files.createDirectories(prefix.resolve("proxy"));
        int port = LoopbackPorts.free();
        Files.writeString(prefix.resolve("nginx.conf"), config(port, upstreamPort));
        Process process = new ProcessBuilder(nginx.toString(), "-p", prefix.toString(), "-c", "nginx.conf")
                .redirectErrorStream(true)
                .redirectOutput(prefix.resolve("stdout.log").toFile())
                .start();
        NginxProxy proxy = new NginxProxy(prefix, process, port);
        proxy.awaitListening();
        return proxy;
    }

    private static String config(int port, int upstreamPort) {
        Path proxySettings = Path.of("docs/nginx/filehost-proxy.conf").toAbsolutePath();
        return """
                daemon off;
                master_process off;
                worker_processes 1;
                pid nginx.pid;
                error_log error.log warn;
                events { worker_connections 64; }
                http {
                    access_log off;
                    client_body_temp_path body;
                    proxy_temp_path proxy;
                    server {
                        listen 127.0.0.1:%d;
                        include %s;
                        location / {
                            proxy_bind %s;
                            proxy_pass http://127.0.0.1:%d;
                        }
                    }
                }
                """.formatted(port, proxySettings, UPSTREAM_SOURCE, upstreamPort);
    }

    public String base() {
        return "http://127.0.0.1:" + port;
    }

    /** Files nginx wrote into its request-body and proxy temp directories. */
    public long tempFiles() throws IOException {
        long count = 0;
        for (String dir : List.of("body", "proxy")) {
            try (Stream<Path> files = Files.walk(prefix.resolve(dir))) {
                count += files.filter(Files::isRegularFile).count();
            }
        }
        return count;
    }

    /** The most memory nginx's process has held (VmHWM), in bytes. */
    public long peakMemory() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        throw new IOException("no VmHWM for nginx");
    }

    private void awaitListening() throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (true) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                    throw new IOException("nginx did not start: " + Files.readString(prefix.resolve("stdout.log"))
                            + readIfPresent(prefix.resolve("error.log")));
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
        }
    }

    private static String readIfPresent(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "";
    }


    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        TempDirs.deleteTree(prefix);
    }
}
