package dev.filehost.urlimport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.filehost.support.ApiReply;
import dev.filehost.support.ApiTestBase;
import dev.filehost.support.Session;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The default server: imports never reach addresses private to its network. */
class SsrfGuardTest extends ApiTestBase {
    private static final String PRIVATE = "The URL points to an address private to the server's network.";

    @Test
    void literalPrivateAddressesAreRefusedAtOnce() {
        Session session = signInNewUser();
        for (String url : new String[] {"http://127.0.0.1/", "http://127.1.2.3:8080/x", "http://[::1]/",
                "http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/", "http://172.16.5.4/",
                "http://192.168.1.1/", "http://0.0.0.0/", "http://[::ffff:127.0.0.1]/", "http://[fd00::1]/",
                "http://[fe80::1]/", "http://100.64.0.1/", "http://224.0.0.1/", "http://255.255.255.255/"}) {
            ApiReply reply = session.call("file/url_upload_add", "file_url_base64", UrlImportApiTest.base64(url));
            assertThat(reply.message()).as(url).isEqualTo(PRIVATE);
        }
    }

    @Test
    void otherSchemesAreRefused() {
        Session session = signInNewUser();
        for (String url : new String[] {"file:///etc/passwd", "ftp://example.com/x", "gopher://example.com/",
                "javascript:alert(1)", "http:///nohost", "http://user:pw@example.com/"}) {
            ApiReply reply = session.call("file/url_upload_add", "file_url_base64", UrlImportApiTest.base64(url));
            assertThat(reply.message()).as(url)
                    .isEqualTo("The URL is not valid. Only http:// and https:// URLs can be imported.");
        }
    }

    @Test
    void namesAndOddNotationsThatLeadToPrivateAddressesFailAtConnectTime() throws Exception {
        Session session = signInNewUser();
        for (String url : new String[] {"http://localhost:9/", "http://2130706433/", "http://0x7f000001/"}) {
            ApiReply reply = session.call("file/url_upload_add", "file_url_base64", UrlImportApiTest.base64(url));
            if (reply.isError()) {
                assertThat(reply.message()).as(url).isIn(PRIVATE,
                        "The URL is not valid. Only http:// and https:// URLs can be imported.");
                continue;
            }
            JsonNode status = waitUntilFinished(session, reply.data().path("scheduled_item_id").asLong());
            assertThat(status.path("status").asText()).as(url).isEqualTo("failed");
            assertThat(status.path("notes").asText()).as(url).satisfiesAnyOf(
                    notes -> assertThat(notes).contains("private to the server's network"),
                    notes -> assertThat(notes).contains("could not be found"));
        }
    }

    @Test
    void thePolicyCoversEveryPrivateRangeAndAllowsPublicOnes() throws Exception {
        AddressPolicy policy = new AddressPolicy(false);
        for (String address : new String[] {"127.0.0.1", "10.1.2.3", "172.31.255.255", "192.168.0.1",
                "169.254.169.254", "0.0.0.0", "100.127.255.255", "::1", "::", "fc00::1", "fe80::1", "ff02::1",
                "::ffff:10.0.0.1", "64:ff9b::7f00:1", "2002:7f00:1::", "::127.0.0.1", "240.0.0.1"}) {
            assertThat(policy.allows(InetAddress.getByName(address))).as(address).isFalse();
        }
        for (String address : new String[] {"93.184.216.34", "8.8.8.8", "2606:4700::1111", "172.32.0.1",
                "100.128.0.1"}) {
            assertThat(policy.allows(InetAddress.getByName(address))).as(address).isTrue();
        }
        assertThat(new AddressPolicy(true).allows(InetAddress.getByName("127.0.0.1"))).isTrue();
    }

    @Test
    void documentationRangesAndTranslatedIpv6AreRefused() throws Exception {
        AddressPolicy policy = new AddressPolicy(false);
        for (String address : new String[] {"192.0.2.1", "198.51.100.7", "203.0.113.255", "2001:db8::1",
                "2001:db8:ffff::", "::ffff:0:7f00:1", "::ffff:0:a00:1", "64:ff9b::c0a8:101", "64:ff9b:1::808:808"}) {
            assertThat(policy.allows(InetAddress.getByName(address))).as(address).isFalse();
        }
        for (String address : new String[] {"192.0.3.1", "198.51.101.1", "203.0.114.1", "2001:db9::1",
                "::ffff:0:808:808", "64:ff9b::808:808"}) {
            assertThat(policy.allows(InetAddress.getByName(address))).as(address).isTrue();
        }
        assertThat(new AddressPolicy(true).allows(InetAddress.getByName("192.0.2.1"))).isTrue();
    }

    @Test
    void theServersOwnAddressesAreRefusedEvenWhenPublic() throws Exception {
        InetAddress own = InetAddress.getByName("93.184.216.34");
        AddressPolicy policy = new AddressPolicy(false, () -> Set.of(own));

        assertThat(policy.allows(own)).isFalse();
        assertThat(policy.allows(InetAddress.getByName("::ffff:0:5db8:d822"))).as("translated form").isFalse();
        assertThat(policy.allows(InetAddress.getByName("8.8.8.8"))).isTrue();
        assertThat(new AddressPolicy(true, () -> Set.of(own)).allows(own)).isTrue();
    }

    @Test
    void everyInterfaceAddressOfThisMachineIsRefused() throws Exception {
        AddressPolicy policy = new AddressPolicy(false);
        List<InetAddress> addresses = NetworkInterface.networkInterfaces()
                .flatMap(NetworkInterface::inetAddresses).toList();

        assertThat(addresses).isNotEmpty().allSatisfy(address -> assertThat(policy.allows(address)).isFalse());
    }

    @Test
    void literalDocumentationAndTranslatedAddressesAreRefusedAtOnce() {
        Session session = signInNewUser();
        for (String url : new String[] {"http://192.0.2.10/", "http://203.0.113.5/file", "http://[2001:db8::5]/",
                "http://[::ffff:0:127.0.0.1]/", "http://[64:ff9b::127.0.0.1]/"}) {
            ApiReply reply = session.call("file/url_upload_add", "file_url_base64", UrlImportApiTest.base64(url));
            assertThat(reply.message()).as(url).isEqualTo(PRIVATE);
        }
    }

    private static JsonNode waitUntilFinished(Session session, long id) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            JsonNode data = session.call("file/url_upload_status", "scheduled_item_id", Long.toString(id)).data();
            if (data.path("finished").isTextual()) {
                return data;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("import " + id + " did not finish");
    }
}
