package dev.filehost.db;

import java.util.Locale;

/** Patterns for {@code LIKE ... ESCAPE '!'}, the same on SQLite and PostgreSQL: the text's own % and _ match only themselves. */
public final class Like {
    private Like() {
    }

    public static String escape(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    /** Matches a lower-cased column that contains {@code text}, whatever its case. */
    public static String containing(String text) {
        return "%" + escape(text.toLowerCase(Locale.ROOT)) + "%";
    }
}
