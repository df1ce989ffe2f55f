package dev.filehost.http;

import dev.filehost.core.Refusal;
import dev.filehost.http.multipart.MalformedMultipartException;
import dev.filehost.http.multipart.MultipartLimits;
import dev.filehost.http.multipart.MultipartParser;
import dev.filehost.http.multipart.Part;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The parts of a multipart body, pulled in order: text fields read and bounded, file parts as they stream. */
public final class MultipartFields {
    private static final int MAX_FIELD_BYTES = 64 * 1024;
    /** Room for the fields and part headers around a file, as clients send them. */
    public static final long MAX_FORM_OVERHEAD = MAX_FIELD_BYTES;

    private final MultipartParser parser;

    private MultipartFields(MultipartParser parser) {
        this.parser = parser;
    }

    /** Takes each text field as it is read. */
    @FunctionalInterface
    interface FieldSink {
        void put(String name, String value);
    }

    /**
     * The least a form's file part can hold when the whole body declares {@code contentLength}
     * bytes (-1: unknown): what remains after the room other fields and part headers may take.
     */
    public static long fileSizeAtLeast(long contentLength) {
        return Math.max(contentLength - MAX_FORM_OVERHEAD, 0);
    }

    public static boolean isMultipart(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    static MultipartFields open(String contentType, InputStream body) {
        String boundary = MultipartParser.boundaryOf(contentType)
                .orElseThrow(() -> Refusal.badInput(ParamDecoder.MALFORMED));
        try {
            return new MultipartFields(new MultipartParser(new ClientInput(body), boundary, MultipartLimits.DEFAULTS));
        } catch (MalformedMultipartException e) {
            throw Refusal.badInput(ParamDecoder.MALFORMED);
        }
    }

    /** The text fields of a whole form body; its file parts are skipped. */
    static void readInto(String contentType, InputStream body, Map<String, String> into) throws IOException {
        MultipartFields form = open(contentType, body);
        while (form.nextFile(into::put).isPresent()) {
            // Only the fields count here.
        }
    }

    /**
     * The next file part, streaming until the next call; each text field before it goes to {@code fields}.
     * Empty once the body has ended.
     */
    Optional<Part> nextFile(FieldSink fields) throws IOException {
        try {
            for (Optional<Part> next = parser.next(); next.isPresent(); next = parser.next()) {
                Part part = next.get();
                if (part.filename() != null) {
                    return next;
                }
                fields.put(part.name(), ParamDecoder.trim(textOf(part)));
            }
            return Optional.empty();
        } catch (MalformedMultipartException e) {
            throw Refusal.badInput(ParamDecoder.MALFORMED);
        }
    }

    private static String textOf(Part part) throws IOException {
        byte[] bytes = part.body().readNBytes(MAX_FIELD_BYTES + 1);
        if (bytes.length > MAX_FIELD_BYTES) {
            throw Refusal.badInput(BoundedBody.TOO_LARGE);
        }
        return ParamDecoder.strictUtf8(bytes);
    }
}
