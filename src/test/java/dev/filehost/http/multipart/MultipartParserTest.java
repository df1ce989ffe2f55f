package dev.filehost.http.multipart;

import static dev.filehost.http.multipart.Bodies.bytes;
import static dev.filehost.http.multipart.Bodies.concat;
import static dev.filehost.http.multipart.Bodies.parser;
import static dev.filehost.http.multipart.Bodies.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.filehost.http.multipart.Bodies.ReadPart;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MultipartParserTest {

    @Test
    void readsCurlFieldThenFile() throws IOException {
        // curl -F 'token=abc123' -F 'file=@notes.txt'
        String boundary = "------------------------d74496d66958873e";
        byte[] body = bytes("--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"token\"\r\n"
                + "\r\n"
                + "abc123\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"notes.txt\"\r\n"
                + "Content-Type: text/plain\r\n"
                + "\r\n"
                + "line one\nline two\n\r\n"
                + "--" + boundary + "--\r\n");

        List<ReadPart> parts = readAll(parser(body, boundary));

        assertThat(parts).extracting(ReadPart::name, ReadPart::filename, ReadPart::contentType, ReadPart::text)
                .containsExactly(
                        tuple("token", null, null, "abc123"),
                        tuple("file", "notes.txt", "text/plain", "line one\nline two\n"));
    }

    @Test
    void readsPythonRequestsFileBeforeField() throws IOException {
        // requests.post(url, files={"file": ("report.pdf", data, "application/pdf")}, data={"expires": "3600"})
        // with the file listed first, as urllib3 does when fields are passed that way.
        String boundary = "9a8f0e7c1b2d4e6fa3c5b7d9e1f30246";
        byte[] pdf = {'%', 'P', 'D', 'F', '-', '1', '.', '7', '\n', (byte) 0xE2, (byte) 0xE3, 0, '\r', '\n'};
        byte[] body = concat(
                bytes("--" + boundary + "\r\n"
                        + "Content-Disposition: form-data; name=\"file\"; filename=\"report.pdf\"\r\n"
                        + "Content-Type: application/pdf\r\n"
                        + "\r\n"),
                pdf,
                bytes("\r\n--" + boundary + "\r\n"
                        + "Content-Disposition: form-data; name=\"expires\"\r\n"
                        + "\r\n"
                        + "3600\r\n"
                        + "--" + boundary + "--\r\n"));

        List<ReadPart> parts = readAll(parser(body, boundary));

        assertThat(parts).extracting(ReadPart::name, ReadPart::filename, ReadPart::contentType)
                .containsExactly(tuple("file", "report.pdf", "application/pdf"), tuple("expires", null, null));
        assertThat(parts.get(0).content()).isEqualTo(pdf);
        assertThat(parts.get(1).text()).isEqualTo("3600");
    }

    @Test
    void readsChromeFormWithUtf8FilenameAndEscapedQuotes() throws IOException {
        String boundary = "----WebKitFormBoundary7MA4YWxkTrZu0gW";
        byte[] body = bytes("--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"title\"\r\n"
                + "\r\n"
                + "Ünïcødé ✓\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"upload\"; filename=\"résumé %22final%22 日本.txt\"\r\n"
                + "Content-Type: text/plain\r\n"
                + "\r\n"
                + "hi\r\n"
                + "--" + boundary + "--\r\n");

        List<ReadPart> parts = readAll(parser(body, boundary));

        assertThat(parts).extracting(ReadPart::name, ReadPart::filename, ReadPart::text)
                .containsExactly(
                        tuple("title", null, "Ünïcødé ✓"),
                        tuple("upload", "résumé \"final\" 日本.txt", "hi"));
    }

    @Test
    void readsFirefoxEmptyFileInput() throws IOException {
        // A form submitted without choosing a file: empty filename, empty content.
        String boundary = "----geckoformboundary6f1e6d2ad37a0e1bd4c16dd4bd3e5d87";
        byte[] body = bytes("--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"\"\r\n"
                + "Content-Type: application/octet-stream\r\n"
                + "\r\n"
                + "\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"comment\"\r\n"
                + "\r\n"
                + "\r\n"
                + "--" + boundary + "--\r\n");

        List<ReadPart> parts = readAll(parser(body, boundary));

        assertThat(parts).extracting(ReadPart::name, ReadPart::filename, ReadPart::text)
                .containsExactly(tuple("file", "", ""), tuple("comment", null, ""));
    }

    @Test
    void readsNodeFormDataWithoutTrailingCrlfAfterClosingBoundary() throws IOException {
        String boundary = "----formdata-undici-041372418466";
        byte[] body = bytes("--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"blob\"; filename=\"a.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n"
                + "\r\n"
                + "\u0001\u0002\u0003\r\n"
                + "--" + boundary + "--");

        List<ReadPart> parts = readAll(parser(body, boundary));

        assertThat(parts).singleElement().satisfies(part -> {
            assertThat(part.filename()).isEqualTo("a.bin");
            assertThat(part.content()).containsExactly(1, 2, 3);
        });
    }

    @Test
    void ignoresPreambleEpilogueAndTransportPadding() throws IOException {
        byte[] body = bytes("This is a preamble mentioning --b.\r\n-b\r\n--\r\n"
                + "--b \t\r\n"
                + "content-disposition: FORM-DATA; NAME=x\r\n"
                + "\r\n"
                + "1\r\n"
                + "--b--\r\n"
                + "epilogue that is never read");
        var in = new ChunkedInputStream(body, offset -> 1);

        var parser = new MultipartParser(in, "b", MultipartLimits.DEFAULTS);

        assertThat(readAll(parser)).extracting(ReadPart::name, ReadPart::text).containsExactly(tuple("x", "1"));
        assertThat(new String(in.remaining(), StandardCharsets.UTF_8))
                .isEqualTo("\r\nepilogue that is never read");
    }

    @Test
    void returnsNoPartsForAnEmptyForm() throws IOException {
        assertThat(readAll(parser(bytes("--b--\r\n"), "b"))).isEmpty();
    }

    @Test
    void keepsContentThatMerelyResemblesTheBoundary() throws IOException {
        String boundary = "XyZ";
        byte[] tricky = bytes("\r\n--XY\r\n--Xy\r\n-\r\n--\r\n--X--XyZ\n--XyZ\r--XyZ\r\n-\r\n--Xy");
        byte[] body = Bodies.multipart(boundary, new byte[0], List.of(tricky, tricky));

        List<ReadPart> parts = readAll(parser(body, boundary));

        assertThat(parts).extracting(ReadPart::content).containsExactly(tricky, tricky);
    }

    @Test
    void returnsFilenamesWithPathsAsSent() throws IOException {
        byte[] body = bytes("--b\r\n"
                + "Content-Disposition: form-data; name=\"ie\"; filename=\"C:\\dir\\a.txt\"\r\n\r\n\r\n"
                + "--b\r\n"
                + "Content-Disposition: form-data; name=\"unix\"; filename=\"/etc/passwd\"\r\n\r\n\r\n"
                + "--b\r\n"
                + "Content-Disposition: form-data; name=\"dots\"; filename=\"../../x\"\r\n\r\n\r\n"
                + "--b--");

        assertThat(readAll(parser(body, "b"))).extracting(ReadPart::filename)
                .containsExactly("C:\\dir\\a.txt", "/etc/passwd", "../../x");
    }

    @Test
    void readsHeadersThatAreNotUtf8AsLatin1() throws IOException {
        byte[] body = concat(
                bytes("--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"caf"),
                new byte[] {(byte) 0xE9},
                bytes(".txt\"\r\n\r\nx\r\n--b--"));

        assertThat(readAll(parser(body, "b"))).extracting(ReadPart::filename).containsExactly("café.txt");
    }

    @Test
    void drainsUnreadAndHalfReadBodiesOnNext() throws IOException {
        byte[] big = new byte[300_000];
        new Random(1).nextBytes(big);
        byte[] body = Bodies.multipart("boundary", new byte[0], List.of(big, big, bytes("last")));
        MultipartParser parser = parser(body, "boundary");

        Part first = parser.next().orElseThrow();
        Part second = parser.next().orElseThrow();
        assertThat(first.body().read()).isEqualTo(-1);
        assertThat(second.body().readNBytes(1000)).isEqualTo(Arrays.copyOf(big, 1000));
        Part third = parser.next().orElseThrow();

        assertThat(second.body().read(new byte[10])).isEqualTo(-1);
        assertThat(third.bodyAsString(10)).isEqualTo("last");
        assertThat(parser.next()).isEmpty();
        assertThat(parser.next()).isEmpty();
    }

    @Test
    void transferToCopiesTheWholeBody() throws IOException {
        byte[] big = new byte[200_000];
        new Random(2).nextBytes(big);
        MultipartParser parser = parser(Bodies.multipart("b0undary", bytes("preamble"), List.of(big)), "b0undary");
        var out = new ByteArrayOutputStream();

        long transferred = parser.next().orElseThrow().body().transferTo(out);

        assertThat(transferred).isEqualTo(big.length);
        assertThat(out.toByteArray()).isEqualTo(big);
        assertThat(parser.next()).isEmpty();
    }

    @Test
    void forContentTypeTakesTheBoundaryFromTheHeader() throws IOException {
        byte[] body = bytes("--abc\r\nContent-Disposition: form-data; name=a\r\n\r\nv\r\n--abc--");

        var parser = MultipartParser.forContentType(
                new ChunkedInputStream(body, offset -> 100), "multipart/form-data; boundary=\"abc\"", MultipartLimits.DEFAULTS);

        assertThat(readAll(parser)).extracting(ReadPart::text).containsExactly("v");
    }
}
