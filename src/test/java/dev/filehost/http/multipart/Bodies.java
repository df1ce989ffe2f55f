package dev.filehost.http.multipart;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds and reads multipart bodies in tests. */
final class Bodies {

    private Bodies() {
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[]... pieces) {
        var out = new ByteArrayOutputStream();
        for (byte[] piece : pieces) {
            out.writeBytes(piece);
        }
        return out.toByteArray();
    }

    /** A body whose every part has a Content-Disposition naming it after its index. */
    static byte[] multipart(String boundary, byte[] preamble, List<byte[]> contents) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(preamble);
        for (int i = 0; i < contents.size(); i++) {
            out.writeBytes(bytes((preamble.length > 0 || i > 0 ? "\r\n" : "") + "--" + boundary + "\r\n"
                    + "Content-Disposition: form-data; name=\"part" + i + "\"; filename=\"f" + i + ".bin\"\r\n"
                    + "Content-Type: application/octet-stream\r\n\r\n"));
            out.writeBytes(contents.get(i));
        }
        out.writeBytes(bytes((preamble.length > 0 || !contents.isEmpty() ? "\r\n" : "") + "--" + boundary + "--\r\n"));
        return out.toByteArray();
    }

    static MultipartParser parser(byte[] body, String boundary) throws MalformedMultipartException {
        return new MultipartParser(new ChunkedInputStream(body, offset -> body.length), boundary, MultipartLimits.DEFAULTS);
    }

    /** A part as a plain value, with its body read to the end. */
    record ReadPart(String name, String filename, String contentType, byte[] content) {

        String text() {
            return new String(content, StandardCharsets.UTF_8);
        }
    }

    static List<ReadPart> readAll(MultipartParser parser) throws IOException {
        List<ReadPart> parts = new ArrayList<>();
        for (Optional<Part> part = parser.next(); part.isPresent(); part = parser.next()) {
            Part p = part.get();
            parts.add(new ReadPart(p.name(), p.filename(), p.contentType(), p.body().readAllBytes()));
        }
        return parts;
    }
}
