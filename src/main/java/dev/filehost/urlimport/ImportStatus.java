package dev.filehost.urlimport;

import java.util.Locale;

/** The life of an import item, with the words of /file/url_upload_status. */
public enum ImportStatus {
    PENDING, DOWNLOADING, PROCESSING, COMPLETE, FAILED, CANCELLED;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ImportStatus parse(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
