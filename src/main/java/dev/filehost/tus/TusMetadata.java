package dev.filehost.tus;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The Upload-Metadata header: comma-separated pairs of a key and its value in Base64 (the value may be absent). */
record TusMetadata(String header, Map<String, String> values) {
    static final int MAX_HEADER_LENGTH = 4000;

    static TusMetadata parse(String header) {
        if (header == null || header.isBlank()) {
            return new TusMetadata("", Map.of());
        }
        if (header.length() > MAX_HEADER_LENGTH) {
            throw TusFailure.BAD_REQUEST.because("Upload-Metadata is longer than " + MAX_HEADER_LENGTH + " characters.");
        }
        Map<String, String> values = new HashMap<>();
        for (String pair : header.split(",")) {
            String[] parts = pair.trim().split(" ", -1);
            if (parts.length > 2 || parts[0].isEmpty() || values.containsKey(parts[0])) {
                throw TusFailure.BAD_REQUEST.because("Upload-Metadata is not a list of distinct keys and Base64 values.");
            }
            values.put(parts[0], parts.length == 2 ? decode(parts[1]) : "");
        }
        return new TusMetadata(header, Map.copyOf(values));
    }

    Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key)).filter(value -> !value.isEmpty());
    }

    private static String decode(String base64) {
        try {
            return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw TusFailure.BAD_REQUEST.because("Upload-Metadata holds a value that is not Base64.");
        }
    }
}
