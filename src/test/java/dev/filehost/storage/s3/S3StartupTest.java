package dev.filehost.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filehost.Main;
import dev.filehost.support.S3ProxyServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A store that cannot be used stops the program at start-up with one line, as a bad setting does. */
class S3StartupTest {
    @TempDir
    Path dir;

    @Test
    void anUnreachableEndpointStopsStartUpWithOneLine() throws IOException {
        String closed = "http://127.0.0.1:" + closedPort();

        String err = runWith(closed, S3ProxyServer.SECRET_KEY);

        assertThat(err.strip()).startsWith("filehost: Cannot reach the S3 store at filehost.storage.s3.endpoint "
                + "(FILEHOST_STORAGE_S3_ENDPOINT) " + closed + ": ").doesNotContain("\n");
    }

    @Test
    void refusedCredentialsStopStartUpWithOneLine() throws IOException {
        String err = runWith(S3ProxyServer.shared().endpoint(), "wrong-secret-for-this-test");

        assertThat(err.strip()).startsWith("filehost: The S3 store refused access to the bucket")
                .contains("FILEHOST_STORAGE_S3_ACCESS_KEY").doesNotContain("wrong-secret-for-this-test")
                .doesNotContain("\n");
    }

    private String runWith(String endpoint, String secret) throws IOException {
        Path config = dir.resolve("filehost.properties");
        Files.writeString(config, String.join("\n",
                "filehost.data=" + dir.resolve("data"),
                "filehost.storage.type=s3",
                "filehost.storage.s3.endpoint=" + endpoint,
                "filehost.storage.s3.bucket=" + S3ProxyServer.newBucket(),
                "filehost.storage.s3.access-key=" + S3ProxyServer.ACCESS_KEY,
                "filehost.storage.s3.secret-key=" + secret,
                "filehost.storage.s3.path-style=true", ""));
        StringWriter err = new StringWriter();
        CommandLine command = Main.commandLine();
        command.setErr(new PrintWriter(err));

        assertThat(command.execute("user", "list", "--config", config.toString())).isEqualTo(2);
        return err.toString();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
