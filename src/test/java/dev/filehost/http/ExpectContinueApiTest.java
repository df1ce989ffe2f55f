package dev.filehost.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filehost.support.ApiTestBase;
import dev.filehost.support.Session;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** "Expect: 100-continue" with credentials in the query: wrong ones are refused before the body is asked for. */
class ExpectContinueApiTest extends ApiTestBase {
    private static final String BODY = "--b\r\nContent-Disposition: form-data; name=\"upload_file\"; filename=\"a.txt\"\r\n"
            + "\r\nhello\r\n--b--\r\n";

    private static Socket open() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), URI.create(server.client().base()).getPort());
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static void sendHead(Socket socket, String target, String contentType, int length) throws IOException {
        socket.getOutputStream().write(("POST " + target + " HTTP/1.1\r\nHost: x\r\nContent-Type: " + contentType
                + "\r\nContent-Length: " + length + "\r\nExpect: 100-continue\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
    }

    /** One response: its head and, after it, as many body bytes as Content-Length says. */
    private static String readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        int length = 0;
        for (String line : text.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring("content-length:".length()).strip());
            }
        }
        return text + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    @Test
    void aWrongTokenInTheQueryIsRefusedBeforeTheBodyIsAskedFor() throws IOException {
        Session session = signInNewUser();
        try (Socket socket = open()) {
            sendHead(socket, "/api/v2/file/upload?access_token=" + "0".repeat(64) + "&account_id=" + session.accountId(),
                    "multipart/form-data; boundary=b", BODY.length());

            String first = readResponse(socket.getInputStream());

            assertThat(first).doesNotStartWith("HTTP/1.1 100").contains("\"status\":\"error\"");
        }
    }

    @Test
    void aWrongTokenIsRefusedBeforeAFormBodyToo() throws IOException {
        Session session = signInNewUser();
        String form = "file_id=1";
        try (Socket socket = open()) {
            sendHead(socket, "/api/v2/file/info?access_token=" + "0".repeat(64) + "&account_id=" + session.accountId(),
                    "application/x-www-form-urlencoded", form.length());

            String first = readResponse(socket.getInputStream());

            assertThat(first).doesNotStartWith("HTTP/1.1 100").contains("\"status\":\"error\"");
        }
    }

    @Test
    void theRightTokenGetsContinueAndTheUploadGoesThrough() throws IOException {
        Session session = signInNewUser();
        try (Socket socket = open()) {
            sendHead(socket, "/api/v2/file/upload?access_token=" + session.accessToken() + "&account_id="
                    + session.accountId(), "multipart/form-data; boundary=b", BODY.length());
            InputStream in = socket.getInputStream();
            assertThat(readResponse(in)).startsWith("HTTP/1.1 100");

            OutputStream out = socket.getOutputStream();
            out.write(BODY.getBytes(StandardCharsets.US_ASCII));
            out.flush();

            assertThat(readResponse(in)).startsWith("HTTP/1.1 200").contains("File uploaded");
        }
    }
}
