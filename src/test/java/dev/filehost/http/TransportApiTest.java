package dev.filehost.http;

import static dev.filehost.support.ApiClient.params;
import static org.assertj.core.api.Assertions.assertThat;

import dev.filehost.support.ApiReply;
import dev.filehost.support.ApiTestBase;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TransportApiTest extends ApiTestBase {
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String KEY1 = "Please provide key1. It must be 64 characters in length.";

    @Test
    void unknownEndpointsAre404WithTheEnvelope() {
        for (String path : new String[] {"/api/v2/nope", "/api/v2/file/nope", "/api/v2/", "/api/v2",
                "/api/v2/account/info/extra"}) {
            ApiReply reply = api().raw("GET", path, null, null);
            assertThat(reply.status()).as(path).isEqualTo(404);
            assertThat(reply.isError()).as(path).isTrue();
            assertThat(reply.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/json"));
        }
    }

    @Test
    void otherUnknownPathsGetTheHtmlNotFoundPage() {
        for (String path : new String[] {"/a/b/c", "/folder/1/x/y/z", "/account/no-such-page"}) {
            var response = api().fetch(api().base() + path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/html"));
            assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("does not exist");
        }
    }

    @Test
    void otherMethodsAre405WithTheEnvelope() {
        for (String method : new String[] {"PUT", "DELETE", "PATCH"}) {
            ApiReply reply = api().raw(method, "/api/v2/authorize", FORM, "key1=x".getBytes(StandardCharsets.UTF_8));
            assertThat(reply.status()).as(method).isEqualTo(405);
            assertThat(reply.isError()).isTrue();
        }
    }

    @Test
    void aTrailingSlashReachesTheSameEndpoint() {
        assertThat(api().raw("POST", "/api/v2/authorize/", FORM, new byte[0]).message()).isEqualTo(KEY1);
    }

    @Test
    void queryAndBodyParametersCombineWithTheBodyWinning() {
        NewUser user = newUser("1");
        String body = "key2=" + user.keys().key2();
        ApiReply reply = api().raw("POST", "/api/v2/authorize?key1=" + user.keys().key1() + "&key2=wrong", FORM,
                body.getBytes(StandardCharsets.UTF_8));

        assertThat(reply.isSuccess()).as(reply.body()).isTrue();
    }

    @Test
    void bodiesThatAreNotUtf8GetAClearError() {
        byte[] body = {'u', 's', 'e', 'r', 'n', 'a', 'm', 'e', '=', (byte) 0xC3, (byte) 0x28, '&', 'p', '=', 'x'};
        ApiReply reply = api().raw("POST", "/api/v2/authorize", FORM, body);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.isError()).isTrue();
        assertThat(reply.message()).isEqualTo("Could not read the request parameters. Values must be UTF-8 encoded.");
    }

    @Test
    void percentEscapesThatAreNotUtf8GetAClearError() {
        ApiReply inBody = api().raw("POST", "/api/v2/authorize", FORM, "username=%C3%28".getBytes(StandardCharsets.UTF_8));
        ApiReply inQuery = api().raw("GET", "/api/v2/authorize?username=%FF%FE", null, null);

        assertThat(inBody.message()).isEqualTo("Could not read the request parameters. Values must be UTF-8 encoded.");
        assertThat(inQuery.isError()).isTrue();
        assertThat(inQuery.status()).isLessThan(500);
    }

    @Test
    void malformedEscapesGetAClearError() {
        ApiReply reply = api().raw("POST", "/api/v2/authorize", FORM, "key1=%G1&key2=%".getBytes(StandardCharsets.UTF_8));

        assertThat(reply.message()).isEqualTo("Could not read the request parameters. The request is malformed.");
    }

    @Test
    void oversizedFormBodiesAreRefused() {
        byte[] body = ("key1=" + "a".repeat(2 << 20)).getBytes(StandardCharsets.UTF_8);
        ApiReply reply = api().raw("POST", "/api/v2/authorize", FORM, body);

        assertThat(reply.isError()).isTrue();
        assertThat(reply.message()).isEqualTo("Could not read the request parameters. The request body is too large.");
    }

    @Test
    void oversizedMultipartFormBodiesGetTheAnswerNotAReset() {
        String boundary = "abc";
        String tooLongField = "--abc\r\nContent-Disposition: form-data; name=\"key1\"\r\n\r\n" + "a".repeat(3 << 20)
                + "\r\n--abc--\r\n";
        String largeFile = "--abc\r\nContent-Disposition: form-data; name=\"f\"; filename=\"f.bin\"\r\n\r\n"
                + "b".repeat(3 << 20) + "\r\n--abc--\r\n";

        for (String body : new String[] {tooLongField, largeFile}) {
            ApiReply reply = api().raw("POST", "/api/v2/authorize", "multipart/form-data; boundary=" + boundary,
                    body.getBytes(StandardCharsets.UTF_8));

            assertThat(reply.message()).isEqualTo("Could not read the request parameters. The request body is too large.");
        }
    }

    @Test
    void aFormBodyDeclaredPastWhatIsWorthReadingIsRefusedUnread() throws Exception {
        byte[] head = ("POST /api/v2/authorize HTTP/1.1\r\nHost: x\r\nContent-Type: " + FORM
                + "\r\nContent-Length: " + (20 << 20) + "\r\n\r\nkey1=a").getBytes(StandardCharsets.US_ASCII);

        RawHttpClient.Response answer = new RawHttpClient(URI.create(api().base()).getPort(), 5000).send(head, false);

        assertThat(answer.header("Connection")).isEqualTo("close");
        assertThat(answer.text()).contains("Could not read the request parameters. The request body is too large.");
    }

    @Test
    void truncatedMultipartBodiesAreRefused() {
        String body = "--abc\r\nContent-Disposition: form-data; name=\"key1\"\r\n\r\nvalue";
        ApiReply reply = api().raw("POST", "/api/v2/authorize", "multipart/form-data; boundary=abc",
                body.getBytes(StandardCharsets.UTF_8));

        assertThat(reply.message()).isEqualTo("Could not read the request parameters. The request is malformed.");
    }

    @Test
    void multipartWithoutBoundaryIsRefused() {
        ApiReply reply = api().raw("POST", "/api/v2/authorize", "multipart/form-data", "x".getBytes(StandardCharsets.UTF_8));

        assertThat(reply.message()).isEqualTo("Could not read the request parameters. The request is malformed.");
    }

    @Test
    void overLongAndOddValuesNeverCauseAServerError() {
        String[] values = {"x".repeat(100_000), "\u0000\u0001", "<script>alert(1)</script>", "😀".repeat(64),
                "' OR 1=1 --", "%00"};
        for (String value : values) {
            for (String name : new String[] {"key1", "key2", "username", "password", "access_token", "account_id"}) {
                ApiReply reply = api().post("authorize", params(name, value));
                assertThat(reply.status()).isEqualTo(200);
                assertThat(reply.isError()).isTrue();
                ApiReply info = api().post("account/info", params(name, value, "access_token", value, "account_id", value));
                assertThat(info.status()).isEqualTo(200);
                assertThat(info.isError()).isTrue();
            }
        }
    }

    @Test
    void emojiKeysOf64CharactersAreNotAccepted() {
        ApiReply reply = api().post("authorize", params("key1", "😀".repeat(32), "key2", "a".repeat(64)));

        assertThat(reply.message()).isEqualTo(KEY1);
    }
}
