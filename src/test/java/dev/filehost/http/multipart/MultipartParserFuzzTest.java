package dev.filehost.http.multipart;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Fuzzes the multipart parser. In a normal build the committed inputs under
 * {@code MultipartParserFuzzTestInputs/} run as regression tests; {@code JAZZER_FUZZ=1} fuzzes.
 */
class MultipartParserFuzzTest {

    /** Whatever the bytes, the parser yields parts within its limits or refuses with MalformedMultipartException. */
    @FuzzTest
    void anyBodyParsesWithinLimitsOrIsRefused(FuzzedDataProvider data) throws IOException {
        MultipartLimits limits = new MultipartLimits(data.consumeInt(1, 4096), data.consumeInt(1, 50));
        String boundary = data.consumeString(80);
        int chunk = data.consumeInt(1, 70_000);
        byte[] body = data.consumeRemainingAsBytes();
        MultipartParser parser;
        try {
            parser = new MultipartParser(new ChunkedInputStream(body, offset -> chunk), boundary, limits);
        } catch (MalformedMultipartException refused) {
            return;
        }
        int parts = 0;
        long bodyBytes = 0;
        try {
            for (Optional<Part> next = parser.next(); next.isPresent(); next = parser.next()) {
                Part part = next.get();
                parts++;
                // What the parser holds of a part, its headers, came from one bounded header block.
                assertThat(textLength(part)).isLessThanOrEqualTo(limits.maxHeaderBytes());
                bodyBytes += part.body().readAllBytes().length;
            }
        } catch (MalformedMultipartException refused) {
            return;
        }
        assertThat(parts).isLessThanOrEqualTo(limits.maxParts());
        assertThat(bodyBytes).isLessThanOrEqualTo(body.length);
    }

    /** A body built from parts parses back to the same parts, however the bytes arrive. */
    @FuzzTest
    void partsRoundTrip(FuzzedDataProvider data) throws IOException {
        String boundary = "b" + boundaryCharacters(data.consumeAsciiString(60));
        int count = data.consumeInt(0, 8);
        List<Bodies.ReadPart> sent = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = "f" + headerSafe(data.consumeString(40));
            String filename = data.consumeBoolean() ? headerSafe(data.consumeString(40)) : null;
            String contentType = data.consumeBoolean() ? "text/plain; charset=utf-8" : null;
            sent.add(new Bodies.ReadPart(name, filename, contentType, data.consumeBytes(data.consumeInt(0, 3000))));
        }
        int chunk = data.consumeInt(1, 10_000);
        byte[] body = build(boundary, sent);
        if (sent.stream().anyMatch(part -> contains(part.content(), Bodies.bytes("\r\n--" + boundary)))) {
            return;
        }

        List<Bodies.ReadPart> received = Bodies.readAll(new MultipartParser(
                new ChunkedInputStream(body, offset -> chunk), boundary, MultipartLimits.DEFAULTS));

        assertThat(received).hasSize(sent.size());
        for (int i = 0; i < sent.size(); i++) {
            Bodies.ReadPart expected = sent.get(i);
            Bodies.ReadPart actual = received.get(i);
            assertThat(actual.name()).isEqualTo(expected.name());
            assertThat(actual.filename()).isEqualTo(expected.filename());
            assertThat(actual.contentType()).isEqualTo(expected.contentType());
            assertThat(actual.content()).isEqualTo(expected.content());
        }
    }

    private static byte[] build(String boundary, List<Bodies.ReadPart> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Bodies.ReadPart part : parts) {
            StringBuilder head = new StringBuilder("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                    + quoted(part.name()) + "\"");
            if (part.filename() != null) {
                head.append("; filename=\"").append(quoted(part.filename())).append('"');
            }
            head.append("\r\n");
            if (part.contentType() != null) {
                head.append("Content-Type: ").append(part.contentType()).append("\r\n");
            }
            out.writeBytes(Bodies.bytes(head + "\r\n"));
            out.writeBytes(part.content());
            out.writeBytes(Bodies.bytes("\r\n"));
        }
        out.writeBytes(Bodies.bytes("--" + boundary + "--\r\n"));
        return out.toByteArray();
    }

    /** RFC 2046's bcharsnospace: other characters become x. */
    private static String boundaryCharacters(String text) {
        StringBuilder boundary = new StringBuilder();
        for (char c : text.toCharArray()) {
            boundary.append(Character.isLetterOrDigit(c) && c < 0x80 || "'()+_,./:=?-".indexOf(c) >= 0 ? c : 'x');
        }
        return boundary.toString();
    }

    /** Text a form may carry in a name: no controls, no backslash, and no % that could read as an escape. */
    private static String headerSafe(String text) {
        return text.codePoints()
                .filter(c -> c >= ' ' && c != 0x7F && c != '\\' && c != '%' && !Character.isSurrogate((char) c)
                        && (c < 0x80 || c >= 0xA0))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
    }

    /** Browsers' way to put a quote into a quoted name. */
    private static String quoted(String text) {
        return text.replace("\"", "%22");
    }

    /** Characters, not bytes: a header read as ISO-8859-1 has one character per byte. */
    private static int textLength(Part part) {
        return (part.name() + Optional.ofNullable(part.filename()).orElse("")
                + Optional.ofNullable(part.contentType()).orElse("")).length();
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return true;
            }
        }
        return false;
    }
}
