package dev.filehost.http.multipart;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/** What a part's header block says about it. Other headers than these two are ignored. */
record PartHeaders(String name, String filename, String contentType) {

    static PartHeaders parse(byte[] headerLines) throws MalformedMultipartException {
        ContentDisposition disposition = null;
        String contentType = null;
        String text = decode(headerLines);
        // Every line, the last one included, ends with CRLF.
        for (int start = 0; start < text.length(); ) {
            int end = text.indexOf("\r\n", start);
            String line = text.substring(start, end);
            start = end + 2;
            int colon = line.indexOf(':');
            if (colon <= 0 || !isFieldName(line.substring(0, colon)) || hasControlCharacters(line)) {
                throw new MalformedMultipartException("malformed part header line");
            }
            String field = line.substring(0, colon);
            String value = line.substring(colon + 1).trim();
            if (field.equalsIgnoreCase("Content-Disposition")) {
                rejectRepeated(disposition, field);
                disposition = ContentDisposition.parse(value);
            } else if (field.equalsIgnoreCase("Content-Type")) {
                rejectRepeated(contentType, field);
                contentType = value;
            }
        }
        if (disposition == null) {
            throw new MalformedMultipartException("part has no Content-Disposition header");
        }
        return new PartHeaders(disposition.name(), disposition.filename(), contentType);
    }

    /**
     * Browsers send filenames as raw UTF-8. Some legacy clients use a single-byte charset instead;
     * reading those as ISO-8859-1 keeps every byte rather than rejecting the upload.
     */
    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    private static boolean isFieldName(String name) {
        return name.chars().allMatch(c -> c > ' ' && c < 0x7F && c != ':');
    }

    /** Rejects bare CR, LF, NUL and the like, which could smuggle line breaks into filenames. */
    private static boolean hasControlCharacters(String line) {
        return line.chars().anyMatch(c -> (c < ' ' && c != '\t') || c == 0x7F);
    }

    /** Two copies of a header could be read differently by us and by a proxy in front of us. */
    private static void rejectRepeated(Object earlier, String field) throws MalformedMultipartException {
        if (earlier != null) {
            throw new MalformedMultipartException("part has more than one " + field + " header");
        }
    }
}
