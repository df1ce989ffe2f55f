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
        // Every row a listing reads has a status; nearly all are active.
        return value.equals(ACTIVE.value) ? ACTIVE : valueOf(value.toUpperCase(Locale.ROOT));
    }
}
