package dev.filehost.http.multipart;

import static dev.filehost.http.multipart.Bodies.bytes;
import static dev.filehost.http.multipart.Bodies.parser;
import static dev.filehost.http.multipart.Bodies.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MultipartParserErrorTest {

    private static final String COMPLETE = "--b\r\n"
            + "Content-Disposition: form-data; name=\"file\"; filename=\"a.bin\"\r\n"
            + "\r\n"
            + "0123456789\r\n"
            + "--b--";

    @Test
    void rejectsBodyCutAnywhereAfterTheOpeningBoundary() {
        for (int length = "--b".length(); length < COMPLETE.length(); length++) {
            byte[] truncated = bytes(COMPLETE.substring(0, length));

            assertThatThrownBy(() -> readAll(parser(truncated, "b")))
                    .isInstanceOf(MalformedMultipartException.class)
                    .hasMessage("request body ended before the closing boundary (truncated upload)");
        }
    }

    @Test
    void completeBodyOfTheTruncationTestParses() throws IOException {
        assertThat(readAll(parser(bytes(COMPLETE), "b"))).singleElement()
                .satisfies(part -> assertThat(part.text()).isEqualTo("0123456789"));
    }

    @Test
    void reportsTruncationWhileTheCallerReadsTheFile() throws IOException {
        Part part = parser(bytes(COMPLETE.substring(0, 80)), "b").next().orElseThrow();

        assertThatThrownBy(() -> part.body().readAllBytes())
                .isInstanceOf(MalformedMultipartException.class)
                .hasMessageContaining("truncated");
    }

    @Test
    void rejectsBodyWithoutTheBoundary() {
        byte[] body = bytes("--other\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nv\r\n--other--\r\n");

        assertThatThrownBy(() -> parser(body, "b").next())
                .isInstanceOf(MalformedMultipartException.class)
                .hasMessageContaining("does not contain the multipart boundary");
    }

    @Test
    void rejectsEmptyBody() {
        assertThatThrownBy(() -> parser(new byte[0], "b").next())
                .isInstanceOf(MalformedMultipartException.class)
                .hasMessageContaining("does not contain the multipart boundary");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has\r\nnewline", "ends with space ", "semi;colon", "quote\"",
            "12345678901234567890123456789012345678901234567890123456789012345678901"})
    void rejectsInvalidBoundary(String boundary) {
        assertThatThrownBy(() -> new MultipartParser(InputStream.nullInputStream(), boundary, MultipartLimits.DEFAULTS))
                .isInstanceOf(MalformedMultipartException.class)
                .hasMessageContaining("invalid multipart boundary");
    }

    @Test
    void rejectsContentTypeWithoutBoundary() {
        assertThatThrownBy(() -> MultipartParser.forContentType(
                InputStream.nullInputStream(), "multipart/form-data", MultipartLimits.DEFAULTS))
                .isInstanceOf(MalformedMultipartException.class)
                .hasMessageContaining("valid boundary");
    }

    @Test
    void rejectsOversizedHeaders() throws IOException {
        String padding = "X-Padding: " + "p".repeat(100) + "\r\n";
        byte[] body = bytes("--b\r\nContent-Disposition: form-data; name=\"a\"\r\n" + padding + "\r\nv\r\n--b--");
        var limits = new MultipartLimits(100, 10);

        assertThatThrownBy(() -> new MultipartParser(new ChunkedInputStream(body, offset -> 7), "b", limits).next())
                .isInstanceOf(MalformedMultipartException.class)
                .hasMessage("part headers exceed 100 bytes");
        assertThat(readAll(new MultipartParser(
                new ChunkedInputStream(body, offset -> 7), "b", new MultipartLimits(200, 10)))).hasSize(1);
    }

    @Test
    @Timeout(value = 5, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void rejectsEndlessHeadersWithoutBufferingThem() {
        InputStream endless = new SequenceInputStream(
                new ByteArrayInputStream(bytes("--b\r\nContent-Disposition: form-data; name=\"a\"\r\nX: ")),
                new InputStream() {
                    @Override
                    public int read() {
                        return 'x';
                    }
                });

        assertThatThrownBy(() -> new MultipartParser(endless, "b", MultipartLimits.DEFAULTS).next())
                .isInstanceOf(MalformedMultipartException.class)
                .hasMessageContaining("part headers exceed 16384 bytes");
    }

    @Test
    void headerLimitCountsTheBlankLine() throws IOException {
        String headers = "Content-Disposition: form-data; name=\"a\"\r\n\r\n";
        byte[] body = bytes("--b\r\n" + headers + "v\r\n--b--");

        assertThat(readAll(new MultipartParser(
                new ChunkedInputStream(body, offset -> 3), "b", new MultipartLimits(headers.length(), 1)))).hasSize(1);
        assertThatThrownBy(() -> new MultipartParser(
                new ChunkedInputStream(body, offset -> 3), "b", new MultipartLimits(headers.length() - 1, 1)).next())
                .isInstanceOf(MalformedMultipartException.class);
    }

    @Test
    void rejectsTooManyParts() throws IOException {
        byte[] body = Bodies.multipart("b", new byte[0], List.of(bytes("1"), bytes("2"), bytes("3")));
        MultipartParser parser = new MultipartParser(
                new ChunkedInputStream(body, offset -> body.length), "b", new MultipartLimits(1024, 2));

        parser.next();
        parser.next();

        assertThatThrownBy(parser::next)
                .isInstanceOf(MalformedMultipartException.class)
                .hasMessage("body has more than 2 parts");
    }

    @Test
    void acceptsExactlyTheMaximumNumberOfParts() throws IOException {
        byte[] body = Bodies.multipart("b", new byte[0], List.of(bytes("1"), bytes("2")));

        assertThat(readAll(new MultipartParser(
                new ChunkedInputStream(body, offset -> body.length), "b", new MultipartLimits(1024, 2)))).hasSize(2);
    }

    @Test
    void rejectsPartWithoutContentDisposition() {
        byte[] body = bytes("--b\r\nContent-Type: text/plain\r\n\r\nv\r\n--b--");

        assertThatThrownBy(() -> parser(body, "b").next())
                .isInstanceOf(MalformedMultipartException.class)
                .hasMessage("part has no Content-Disposition header");
    }

    @Test
    void rejectsPartWithoutHeaders() {
        assertThatThrownBy(() -> parser(bytes("--b\r\n\r\nv\r\n--b--"), "b").next())
                .isInstanceOf(MalformedMultipartException.class)
                .hasMessage("part has no Content-Disposition header");
    }

    @Test
    void rejectsPartWithoutName() {
        byte[] body = bytes("--b\r\nContent-Disposition: form-data; filename=\"a.txt\"\r\n\r\nv\r\n--b--");

        assertThatThrownBy(() -> parser(body, "b").next())
                .isInstanceOf(MalformedMultipartException.class)
                .hasMessage("part's Content-Disposition has no name");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Content-Disposition: form-data; name=\"a\"\r\nContent-Disposition: form-data; name=\"b\"\r\n",
            "Content-Disposition: form-data; name=\"a\"\r\nContent-Type: a/b\r\ncontent-type: c/d\r\n",
            "Content-Disposition: form-data; name=\"a\"\r\nno colon here\r\n",
            "Content-Disposition: form-data; name=\"a\"\r\n folded: continuation\r\n",
            "Content-Disposition: form-data; name=\"a\"; filename=\"a\nb\"\r\n",
            "Content-Disposition: form-data; name=\"a\"; filename=\"a\u0000b\"\r\n"})
    void rejectsMalformedOrAmbiguousHeaders(String headers) {
        byte[] body = bytes("--b\r\n" + headers + "\r\nv\r\n--b--");

        assertThatThrownBy(() -> parser(body, "b").next()).isInstanceOf(MalformedMultipartException.class);
    }

    @Test
    void rejectsGarbageAfterBoundary() throws IOException {
        byte[] body = bytes("--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nv\r\n--bogus\r\n--b--");
        MultipartParser parser = parser(body, "b");

        assertThatThrownBy(() -> {
            parser.next();
            parser.next();
        }).isInstanceOf(MalformedMultipartException.class)
                .hasMessage("boundary line is followed by something other than CRLF or --");
    }

    @Test
    void propagatesClientDisconnectUnchanged() throws IOException {
        IOException reset = new IOException("Connection reset by peer");
        InputStream disconnecting = new SequenceInputStream(
                new ByteArrayInputStream(bytes("--b\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\ndata")),
                new InputStream() {
                    @Override
                    public int read() throws IOException {
                        throw reset;
                    }
                });
        Part part = new MultipartParser(disconnecting, "b", MultipartLimits.DEFAULTS).next().orElseThrow();

        assertThatThrownBy(() -> part.body().readAllBytes()).isSameAs(reset);
    }

    @Test
    void rejectsOverlongField() throws IOException {
        Part part = parser(bytes("--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n12345\r\n--b--"), "b")
                .next().orElseThrow();

        assertThatThrownBy(() -> part.bodyAsString(4))
                .isInstanceOf(MalformedMultipartException.class)
                .hasMessage("field 'a' is longer than 4 bytes");
    }

    @Test
    void acceptsFieldOfExactlyTheMaximumLength() throws IOException {
        Part part = parser(bytes("--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n12345\r\n--b--"), "b")
                .next().orElseThrow();

        assertThat(part.bodyAsString(5)).isEqualTo("12345");
    }

    @Test
    void rejectsFieldThatIsNotUtf8() throws IOException {
        byte[] body = Bodies.concat(
                bytes("--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n"),
                new byte[] {'a', (byte) 0xC3, '(', 'b'},
                bytes("\r\n--b--"));
        Part part = parser(body, "b").next().orElseThrow();

        assertThatThrownBy(() -> part.bodyAsString(100))
                .isInstanceOf(MalformedMultipartException.class)
                .hasMessage("field 'a' is not valid UTF-8");
    }
}
