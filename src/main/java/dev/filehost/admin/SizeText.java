package dev.filehost.admin;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a size as an operator types it: "2048", "500K", "1.5 GB" (units of 1024, as the pages show them). */
public final class SizeText {
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([KMGT]?)(?:i?B)?|(\\d+)\\s*bytes?",
            Pattern.CASE_INSENSITIVE);
    private static final Map<String, Integer> SHIFTS = Map.of("", 0, "K", 10, "M", 20, "G", 30, "T", 40);

    private SizeText() {
    }

    /** Throws IllegalArgumentException when the text is no size. */
    public static long parse(String text) {
        Matcher matcher = SIZE.matcher(text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + text.strip() + "' is not a size such as 2048, 500K or 1.5GB");
        }
        if (matcher.group(3) != null) {
            return Long.parseLong(matcher.group(3));
        }
        int shift = SHIFTS.get(matcher.group(2).toUpperCase(Locale.ROOT));
        return new BigDecimal(matcher.group(1)).multiply(BigDecimal.valueOf(1L << shift)).longValue();
    }
}
