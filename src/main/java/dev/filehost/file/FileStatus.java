package dev.filehost.file;

import java.util.Locale;

/** Active files are visible; trashed ones wait for the purge. */
public enum FileStatus {
    ACTIVE, TRASH;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    static FileStatus parse(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
