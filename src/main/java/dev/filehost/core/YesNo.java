package dev.filehost.core;

import java.util.Locale;
import java.util.Optional;

/** The one set of words for a yes/no value, in settings and in package fields alike. */
public final class YesNo {
    private YesNo() {
    }

    /** true for true/yes/on/1, false for false/no/off/0 (any case), empty for anything else. */
    public static Optional<Boolean> parse(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> Optional.of(true);
            case "false", "no", "off", "0" -> Optional.of(false);
            default -> Optional.empty();
        };
    }
}
