package dev.filehost.http.multipart;

import static dev.filehost.http.multipart.Bodies.bytes;
import static dev.filehost.http.multipart.Bodies.concat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Whatever sizes the stream delivers the body in, and however the caller reads, parts come out intact. */
class MultipartParserSplitReadsTest {

    private static final List<String> BOUNDARIES = List.of(
            "b", "XyZ", "------------------------d74496d66958873e", "----WebKitFormBoundary7MA4YWxkTrZu0gW",
            "9a8f0e7c1b2d4e6fa3c5b7d9e1f30246", "simple boundary", "=?'()+_,-./:",
            "1234567890123456789012345678901234567890123456789012345678901234567890");

    private static final int[] MAX_CHUNK_SIZES = {1, 2, 3, 7, 64, 1000, 70_000};

    @Test
    void splittingTheBodyAtAnyPositionChangesNothing() throws IOException {
        String boundary = "XyZ";
        byte[] tricky = bytes("\r\n--XY\r\n-\r\n--\r\n--X--XyZ\n--XyZ\r--XyZ\r\n--Xy");
        List<byte[]> contents = List.of(tricky, new byte[0], tricky);
        byte[] body = Bodies.multipart(boundary, bytes("pre\r\n--Xy"), contents);

        for (int split = 0; split <= body.length; split++) {
            var parser = new MultipartParser(ChunkedInputStream.splitAt(body, split), boundary, MultipartLimits.DEFAULTS);

            assertThat(readContents(parser, new Random(split))).as("split at %d", split).containsExactlyElementsOf(contents);
        }
    }

    @Test
    void delimiterStraddlingTheEndOfTheBufferIsFound() throws IOException {
        String boundary = "----WebKitFormBoundary7MA4YWxkTrZu0gW";
        byte[] head = bytes("--" + boundary + "\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\n");
        int bufferSize = 64 * 1024; // the parser's
        byte[] filler = new byte[bufferSize];
        Arrays.fill(filler, (byte) 'a');

        for (int contentLength = bufferSize - head.length - 50; contentLength < bufferSize - head.length + 5; contentLength++) {
            byte[] content = Arrays.copyOf(filler, contentLength);
            byte[] body = concat(head, content, bytes("\r\n--" + boundary + "--"));
            // A stream that fills the whole buffer, like a fast socket or a file.
            var parser = new MultipartParser(new ChunkedInputStream(body, offset -> body.length), boundary,
                    MultipartLimits.DEFAULTS);

            assertThat(readContents(parser, new Random(contentLength))).singleElement().isEqualTo(content);
        }
    }

    @Test
    void randomBodiesSurviveRandomReadSizes() throws IOException {
        Random random = new Random(20240229);
        for (int round = 0; round < 200; round++) {
            String boundary = BOUNDARIES.get(random.nextInt(BOUNDARIES.size()));
            byte[] preamble = random.nextBoolean() ? new byte[0] : boundaryLikeContent(random, boundary, 200);
            List<byte[]> contents = new ArrayList<>();
            for (int i = random.nextInt(5); i > 0; i--) {
                contents.add(boundaryLikeContent(random, boundary, random.nextInt(25) == 0 ? 100_000 : 2_000));
            }
            byte[] body = Bodies.multipart(boundary, preamble, contents);
            int maxChunk = MAX_CHUNK_SIZES[random.nextInt(MAX_CHUNK_SIZES.length)];
            Random chunks = new Random(round);
            var parser = new MultipartParser(new ChunkedInputStream(body, offset -> 1 + chunks.nextInt(maxChunk)),
                    boundary, MultipartLimits.DEFAULTS);

            assertThat(readContents(parser, random)).as("round %d", round).containsExactlyElementsOf(contents);
        }
    }

    /** Random bytes mixed with fragments of the delimiter, but never the delimiter itself. */
    private static byte[] boundaryLikeContent(Random random, String boundary, int maxLength) {
        String delimiter = "\r\n--" + boundary;
        byte[] content;
        // Fragments may join up into the real delimiter; starting over is simpler than repairing.
        do {
            content = fragmentsAndNoise(random, delimiter, random.nextInt(maxLength + 1));
        } while (new String(concat(bytes("\r\n"), content), StandardCharsets.ISO_8859_1).contains(delimiter));
        return content;
    }

    /** About a hundred pieces whatever the length, so that long contents are not rejected forever. */
    private static byte[] fragmentsAndNoise(Random random, String delimiter, int length) {
        List<byte[]> fragments = List.of(
                bytes("\r"), bytes("\n"), bytes("\r\n"), bytes("-"), bytes("--"), bytes("\r\n\r\n"),
                bytes(delimiter.substring(2)), bytes(delimiter.substring(2) + "--"), bytes(delimiter.substring(1)));
        var out = new ByteArrayOutputStream();
        while (out.size() < length) {
            switch (random.nextInt(3)) {
                case 0 -> out.writeBytes(fragments.get(random.nextInt(fragments.size())));
                case 1 -> out.writeBytes(bytes(delimiter.substring(0, 1 + random.nextInt(delimiter.length() - 1))));
                default -> {
                    byte[] noise = new byte[1 + random.nextInt(Math.max(1, length / 32))];
                    random.nextBytes(noise);
                    out.writeBytes(noise);
                }
            }
        }
        return out.toByteArray();
    }

    /** Reads every part's body, choosing at random among the ways a caller might read a stream. */
    private static List<byte[]> readContents(MultipartParser parser, Random random) throws IOException {
        List<byte[]> contents = new ArrayList<>();
        for (Optional<Part> part = parser.next(); part.isPresent(); part = parser.next()) {
            contents.add(readRandomly(part.get().body(), random));
        }
        return contents;
    }

    private static byte[] readRandomly(InputStream body, Random random) throws IOException {
        var out = new ByteArrayOutputStream();
        switch (random.nextInt(3)) {
            case 0 -> body.transferTo(out);
            case 1 -> {
                for (int b = body.read(); b >= 0; b = body.read()) {
                    out.write(b);
                }
            }
            default -> {
                byte[] chunk = new byte[1 + random.nextInt(100_000)];
                for (int n = body.read(chunk, 0, chunk.length); n >= 0; n = body.read(chunk, 0, chunk.length)) {
                    out.write(chunk, 0, n);
                }
            }
        }
        return out.toByteArray();
    }
}
