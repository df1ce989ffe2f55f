package dev.filehost.tus;

import dev.filehost.support.S3ProxyServer;
import java.util.HashMap;
import java.util.Map;

/**
 * The same rules with the bytes staged in an S3 bucket (S3Proxy): a multipart upload of 5 MiB
 * parts, the tail below a part kept as its own object.
 */
class TusProtocolS3Test extends TusProtocolTest {
    @Override
    protected Map<String, String> serverEnvironment() {
        Map<String, String> environment = new HashMap<>(super.serverEnvironment());
        environment.putAll(S3ProxyServer.shared().environment(S3ProxyServer.newBucket()));
        environment.put("FILEHOST_STORAGE_S3_PART_SIZE_MB", "5");
        return environment;
    }
}
