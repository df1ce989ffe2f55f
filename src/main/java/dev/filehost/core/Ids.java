package dev.filehost.core;

import java.util.Optional;

/** Numeric ids from parameters: plain ASCII digits that fit a long, nothing else. */
public final class Ids {
    private static final int MAX_DIGITS = 18;

    private Ids() {
    }

    public static Optional<Long> parse(String raw) {
        if (raw == null || raw.isEmpty() || raw.length() > MAX_DIGITS
                || !raw.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(raw));
    }
}
