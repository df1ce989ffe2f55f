package dev.filehost.http.multipart;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * One part of a multipart/form-data body. Its body streams from the request and is readable only
 * until {@link MultipartParser#next()} is called again.
 */
public final class Part {

    private final PartHeaders headers;
    private final PartBody body;

    Part(PartHeaders headers, PartBody body) {
        this.headers = headers;
        this.body = body;
    }

    /** The form field name. */
    public String name() {
        return headers.name();
    }

    /** The filename exactly as the client sent it (possibly with a path), or null for a plain field. */
    public String filename() {
        return headers.filename();
    }

    /** The part's Content-Type header value, or null if it had none. */
    public String contentType() {
        return headers.contentType();
    }

    public InputStream body() {
        return body;
    }

    /**
     * Reads the rest of the body as a text field.
     *
     * @throws MalformedMultipartException if the body exceeds {@code maxBytes} or is not valid UTF-8
     */
    public String bodyAsString(int maxBytes) throws IOException {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must not be negative: " + maxBytes);
        }
        byte[] bytes = body.readNBytes(maxBytes);
        if (body.read() >= 0) {
            throw new MalformedMultipartException("field '" + name() + "' is longer than " + maxBytes + " bytes");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException malformed) {
            throw new MalformedMultipartException("field '" + name() + "' is not valid UTF-8", malformed);
        }
    }
}
