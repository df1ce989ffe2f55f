package dev.filehost.urlimport;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The life of an import item, with the words of /file/url_upload_status. */
public enum ImportStatus {
    PENDING, DOWNLOADING, PROCESSING, COMPLETE, FAILED, CANCELLED;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status an operator names, in any case. */
    public static Optional<ImportStatus> named(String value) {
        return Arrays.stream(values()).filter(status -> status.value().equalsIgnoreCase(value.strip())).findFirst();
    }

    static ImportStatus parse(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
