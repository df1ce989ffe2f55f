package dev.filehost.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.filehost.config.S3Settings;
import dev.filehost.config.SettingsException;
import dev.filehost.support.S3ProxyServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/** Start-up against the bucket: created when missing; wrong settings stop with one line naming them. */
class BucketConnectorTest {
    private final S3ProxyServer s3proxy = S3ProxyServer.shared();

    @Test
    void aMissingBucketIsCreated() {
        String bucket = S3ProxyServer.newBucket();

        try (S3Client s3 = BucketConnector.connect(settings(s3proxy.endpoint(), bucket, S3ProxyServer.SECRET_KEY))) {
            assertThat(s3.listBuckets().buckets()).anyMatch(b -> b.name().equals(bucket));
        }
    }

    @Test
    void anEndpointThatDoesNotAnswerNamesTheEndpointSetting() throws IOException {
        String closed = "http://127.0.0.1:" + closedPort();

        assertThatThrownBy(() -> BucketConnector.connect(settings(closed, S3ProxyServer.newBucket(), "x")))
                .isInstanceOf(SettingsException.class)
                .hasMessageStartingWith("Cannot reach the S3 store at filehost.storage.s3.endpoint "
                        + "(FILEHOST_STORAGE_S3_ENDPOINT) " + closed + ": ")
                .hasMessageNotContaining("\n");
    }

    @Test
    void refusedCredentialsNameTheKeySettingsButNotTheSecret() {
        String wrongSecret = "not-the-secret-0123456789";

        assertThatThrownBy(() -> BucketConnector.connect(settings(s3proxy.endpoint(), S3ProxyServer.newBucket(),
                wrongSecret)))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("FILEHOST_STORAGE_S3_ACCESS_KEY")
                .hasMessageContaining("FILEHOST_STORAGE_S3_SECRET_KEY")
                .hasMessageNotContaining(wrongSecret)
                .hasMessageNotContaining("\n");
    }

    private static S3Settings settings(String endpoint, String bucket, String secret) {
        return new S3Settings(endpoint, bucket, "us-east-1", S3ProxyServer.ACCESS_KEY, secret, true, 5 << 20);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
