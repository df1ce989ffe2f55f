package dev.filehost.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * S3Proxy, an S3 API over an in-memory store, in a JVM of its own on a free loopback port, run from the
 * jar Maven copies to target/s3proxy/. Its own process keeps its many dependencies off our test
 * classpath, talks to the server over real HTTP as S3 does, and stopping it is a real outage.
 */
public final class S3ProxyServer implements AutoCloseable {
    public static final String ACCESS_KEY = "filehost-test";
    public static final String SECRET_KEY = "filehost-test-secret";

    private static final Path HOME = Path.of("target", "s3proxy");
    private static final Path JAR = HOME.resolve("s3proxy.jar");
    /** Class data of an earlier run, which more than halves the start-up time of later ones. */
    private static final Path CLASS_ARCHIVE = HOME.resolve("s3proxy.jsa");
    private static final long START_TIMEOUT_MILLIS = 90_000;

    private static S3ProxyServer shared;

    private final Path dir;
    private final int port;
    private final Process process;

    private S3ProxyServer(boolean writesClassArchive) throws IOException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: run the tests through Maven (./mvnw test), "
                    + "which copies S3Proxy there");
        }
        this.dir = Files.createTempDirectory("s3proxy");
        this.port = LoopbackPorts.free();
        Path config = dir.resolve("s3proxy.conf");
        Files.writeString(config, String.join("\n",
                "s3proxy.endpoint=http://127.0.0.1:" + port,
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + ACCESS_KEY,
                "s3proxy.credential=" + SECRET_KEY,
                "jclouds.provider=transient-nio2",
                "jclouds.identity=" + ACCESS_KEY,
                "jclouds.credential=" + SECRET_KEY, ""));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx1g", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        if (writesClassArchive) {
            command.addAll(List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + CLASS_ARCHIVE));
        } else if (Files.isRegularFile(CLASS_ARCHIVE)) {
            command.add("-XX:SharedArchiveFile=" + CLASS_ARCHIVE);
        }
        command.addAll(List.of("-jar", JAR.toString(), "--properties", config.toString()));
        this.process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("s3proxy.log").toFile()).start();
        awaitListening();
    }

    /** The instance the tests of this JVM share, started on first use; give each test its own bucket. */
    public static synchronized S3ProxyServer shared() {
        if (shared == null) {
            shared = start(true);
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    /** An instance of its own, for a test that stops it. */
    public static S3ProxyServer startOwn() {
        return start(false);
    }

    private static S3ProxyServer start(boolean writesClassArchive) {
        try {
            return new S3ProxyServer(writesClassArchive);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A bucket name no other test uses. */
    public static String newBucket() {
        return "test-" + UUID.randomUUID();
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** The FILEHOST_* settings of a node that keeps its blobs in {@code bucket} here. */
    public Map<String, String> environment(String bucket) {
        return Map.of(
                "FILEHOST_STORAGE_TYPE", "s3",
                "FILEHOST_STORAGE_S3_ENDPOINT", endpoint(),
                "FILEHOST_STORAGE_S3_BUCKET", bucket,
                "FILEHOST_STORAGE_S3_ACCESS_KEY", ACCESS_KEY,
                "FILEHOST_STORAGE_S3_SECRET_KEY", SECRET_KEY,
                "FILEHOST_STORAGE_S3_PATH_STYLE", "true",
                "FILEHOST_STORAGE_S3_PART_SIZE_MB", "5");
    }

    private void awaitListening() throws IOException {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Proxy exited at start-up: " + log());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return;
            } catch (IOException notYet) {
                sleep(100);
            }
        }
        close();
        throw new IllegalStateException("S3Proxy did not listen within " + START_TIMEOUT_MILLIS + " ms: " + log());
    }

    private String log() throws IOException {
        return Files.readString(dir.resolve("s3proxy.log"));
    }

    /** Stops the process and waits until its port is free; closing again does nothing. */
    @Override
    public synchronized void close() {
        if (!Files.exists(dir)) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            TempDirs.deleteTree(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }


    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
