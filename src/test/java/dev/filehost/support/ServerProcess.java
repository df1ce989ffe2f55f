package dev.filehost.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * filehost as operators run it: {@code Main serve} in a JVM of its own, on the test classpath,
 * with its settings as FILEHOST_* variables and its output in {@code <data>/node.log}.
 */
public final class ServerProcess {
    private final Process process;
    private final Path log;
    private final ApiClient client;

    private ServerProcess(Process process, Path log, ApiClient client) {
        this.process = process;
        this.log = log;
        this.client = client;
    }

    /** Starts a server on a free loopback port with {@code dataDir} and the given settings, and waits until it is ready. */
    public static ServerProcess start(Path dataDir, Map<String, String> settings) throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Path log = dataDir.resolve("node.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "dev.filehost.Main", "serve")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(key -> key.startsWith("FILEHOST_"));
        env.putAll(settings);
        env.put("FILEHOST_BIND", "127.0.0.1");
        env.put("FILEHOST_PORT", Integer.toString(port));
        env.put("FILEHOST_PUBLIC_URL", "http://127.0.0.1:" + port);
        env.put("FILEHOST_DATA", dataDir.toString());
        ServerProcess server = new ServerProcess(builder.start(), log, new ApiClient("http://127.0.0.1:" + port));
        server.awaitReady();
        return server;
    }

    public ApiClient client() {
        return client;
    }

    private void awaitReady() throws IOException, InterruptedException {
        for (int i = 0; i < 600; i++) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited: " + Files.readString(log));
            }
            try {
                if (client.fetch(client.base() + "/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // Not listening yet.
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the server did not become ready: " + Files.readString(log));
    }

    /** SIGKILL: the process gets no chance to finish or clean up anything. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM, and waits for the orderly shutdown. */
    public void stop() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
