package dev.filehost.http.multipart;

import java.util.Optional;

/** The file name of any Content-Disposition header (attachment, inline, form-data), as URL imports read it. */
public final class FilenameHeader {
    private FilenameHeader() {
    }

    public static Optional<String> of(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        try {
            HeaderValue parsed = HeaderValue.parse(header);
            return Optional.ofNullable(parsed.parameters().get("filename*"))
                    .flatMap(ExtendedValue::decode)
                    .or(() -> Optional.ofNullable(parsed.parameters().get("filename")));
        } catch (MalformedMultipartException e) {
            return Optional.empty();
        }
    }
}
