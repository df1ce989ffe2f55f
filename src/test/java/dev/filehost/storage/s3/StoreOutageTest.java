package dev.filehost.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filehost.account.User;
import dev.filehost.admin.Actor;
import dev.filehost.auth.ApiKeys;
import dev.filehost.support.ApiClient;
import dev.filehost.support.ApiReply;
import dev.filehost.support.S3ProxyServer;
import dev.filehost.support.Session;
import dev.filehost.support.TestServer;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The node keeps serving when its S3 store goes away, and says so to the load balancer. */
class StoreOutageTest {

    @Test
    void readyTurnsUnavailableAndUploadsFailCleanlyWhileTheStoreIsDown() throws Exception {
        try (S3ProxyServer s3proxy = S3ProxyServer.startOwn();
             TestServer server = TestServer.start("sqlite", s3proxy.environment(S3ProxyServer.newBucket()))) {
            Session session = signIn(server);
            assertThat(ready(server).statusCode()).isEqualTo(200);

            s3proxy.close();

            HttpResponse<byte[]> ready = ready(server);
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(new String(ready.body())).contains("\"database\":\"up\"", "\"store\":\"down\"");
            assertThat(server.client().fetch(server.client().base() + "/health/live").statusCode()).isEqualTo(200);
            ApiReply upload = session.upload("lost.bin", new byte[] {1, 2, 3});
            assertThat(upload.isError()).as(upload.body()).isTrue();
        }
    }

    private static HttpResponse<byte[]> ready(TestServer server) {
        return server.client().fetch(server.client().base() + "/health/ready");
    }

    private static Session signIn(TestServer server) {
        User user = server.app().components().userAdmin().add(Actor.cli(), "outage", "pw-outage", "outage@example.test", "1");
        ApiKeys.KeyPair keys = server.app().components().userAdmin().newKeys(Actor.cli(), user.username());
        ApiReply reply = server.client().post("authorize", ApiClient.params("key1", keys.key1(), "key2", keys.key2()));
        return new Session(server.client(), reply.data().path("access_token").asText(),
                reply.data().path("account_id").asText());
    }
}
