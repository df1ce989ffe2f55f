package dev.filehost.file;

import java.util.Locale;

/** Active files are visible; trashed ones wait for the purge. */
public enum FileStatus {
    ACTIVE, TRASH;

    /** Lower-cased once: every row of a listing shows it. */
    private final String value = name().toLowerCase(Locale.ROOT);

    public String value() {
        return value;
    }

    static FileStatus parse(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
