package dev.filehost.http.multipart;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** A multipart boundary as RFC 2046 allows it: 1 to 70 characters of a small set, not ending in a space. */
record Boundary(String value) {

    static final int MAX_LENGTH = 70;

    private static final String ALLOWED_PUNCTUATION = "'()+_,-./:=? ";

    Boundary {
        if (!isValid(value)) {
            throw new IllegalArgumentException("invalid multipart boundary");
        }
    }

    static Optional<Boundary> of(String value) {
        return isValid(value) ? Optional.of(new Boundary(value)) : Optional.empty();
    }

    /** Extracts the boundary from a {@code multipart/form-data; boundary=...} Content-Type header. */
    static Optional<Boundary> fromContentType(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        HeaderValue parsed;
        try {
            parsed = HeaderValue.parse(contentType);
        } catch (MalformedMultipartException unparseable) {
            return Optional.empty();
        }
        if (!parsed.value().equalsIgnoreCase("multipart/form-data")) {
            return Optional.empty();
        }
        return Optional.ofNullable(parsed.parameters().get("boundary")).flatMap(Boundary::of);
    }

    /** The byte sequence that ends every section: CRLF, two dashes, the boundary. */
    byte[] delimiter() {
        return ("\r\n--" + value).getBytes(StandardCharsets.US_ASCII);
    }

    private static boolean isValid(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH || value.endsWith(" ")) {
            return false;
        }
        return value.chars().allMatch(c -> c < 0x80
                && (Character.isLetterOrDigit(c) || ALLOWED_PUNCTUATION.indexOf(c) >= 0));
    }
}
