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

/** Reads the text fields of a multipart body and hands each file part, as it arrives, to a receiver. */
public final class MultipartFields {
    private static final int MAX_FIELD_BYTES = 64 * 1024;
    /** Room for the fields and part headers around a file, as clients send them. */
    private static final long MAX_FORM_OVERHEAD = MAX_FIELD_BYTES;

    /** Takes a file part while it streams; the text fields seen before it are given along. */
    @FunctionalInterface
    public interface FileReceiver {
        void receive(Part part, Map<String, String> fieldsSoFar) throws IOException;
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

    /** The text fields of a small form body; file parts are skipped, the whole body is bounded. */
    public void readInto(String contentType, InputStream body, Map<String, String> into) throws IOException {
        stream(contentType, new LimitedInput(body, ParamReader.MAX_FORM_BYTES), into, (part, fields) -> { });
    }

    /** Every part in order: text fields into {@code into}, file parts to {@code files}. */
    public void stream(String contentType, InputStream body, Map<String, String> into, FileReceiver files)
            throws IOException {
        String boundary = MultipartParser.boundaryOf(contentType)
                .orElseThrow(() -> Refusal.badInput(ParamDecoder.MALFORMED));
        MultipartParser parser = new MultipartParser(new ClientInput(body), boundary, MultipartLimits.DEFAULTS);
        try {
            for (Optional<Part> next = parser.next(); next.isPresent(); next = parser.next()) {
                Part part = next.get();
                if (part.filename() == null) {
                    into.put(part.name(), ParamDecoder.trim(textOf(part)));
                } else {
                    files.receive(part, into);
                }
            }
        } catch (MalformedMultipartException e) {
            throw Refusal.badInput(ParamDecoder.MALFORMED);
        }
    }

    private static String textOf(Part part) throws IOException {
        byte[] bytes = part.body().readNBytes(MAX_FIELD_BYTES + 1);
        if (bytes.length > MAX_FIELD_BYTES) {
            throw Refusal.badInput(ParamReader.TOO_LARGE);
        }
        return ParamDecoder.strictUtf8(bytes);
    }
}
