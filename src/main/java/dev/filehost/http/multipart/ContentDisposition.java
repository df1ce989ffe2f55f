package dev.filehost.http.multipart;

import java.util.Optional;

/** The form field a part belongs to, from its Content-Disposition header. */
record ContentDisposition(String name, String filename) {

    static ContentDisposition parse(String header) throws MalformedMultipartException {
        HeaderValue parsed = HeaderValue.parse(header);
        if (!parsed.value().equalsIgnoreCase("form-data")) {
            throw new MalformedMultipartException("part's Content-Disposition is not form-data");
        }
        String name = parsed.parameters().get("name");
        if (name == null) {
            throw new MalformedMultipartException("part's Content-Disposition has no name");
        }
        String filename = Optional.ofNullable(parsed.parameters().get("filename*"))
                .flatMap(ExtendedValue::decode)
                .orElseGet(() -> decodeFormQuotes(parsed.parameters().get("filename")));
        return new ContentDisposition(decodeFormQuotes(name), filename);
    }

    /**
     * Browsers (WHATWG form encoding), curl 7.81+ and Node send a {@code "} inside a name as
     * {@code %22}. Only that escape is undone: {@code %0D} and {@code %0A} would put line breaks
     * into names, and {@code %} itself is never escaped, so decoding more would corrupt real names.
     */
    private static String decodeFormQuotes(String value) {
        return value == null ? null : value.replace("%22", "\"");
    }
}
