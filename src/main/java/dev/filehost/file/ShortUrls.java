package dev.filehost.file;

import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * Short URLs as the original makes them: base 62 (0-9, a-z, A-Z) of the decimal number
 * written as "1" followed by the file id (1253 → 11253 → "2Vv"). When that code equals another
 * file's but for case, the next attempt writes "2", then "3" ... before the id (60 → 260 → "4c").
 */
public final class ShortUrls {
    private static final String ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final BigInteger BASE = BigInteger.valueOf(62);
    /** Codes this server makes, and those an operator may have set in the original (e.g. "Spring-2024"). */
    private static final Pattern WELL_FORMED = Pattern.compile("[0-9A-Za-z_-]{1,255}");

    private ShortUrls() {
    }

    /** The first code tried for a file, the one it has unless that clashes. */
    public static String encode(long fileId) {
        return candidate(fileId, 1);
    }

    /** The code of the {@code attempt}-th try (1, 2, ...): base 62 of attempt and id written one after the other. */
    static String candidate(long fileId, int attempt) {
        BigInteger value = new BigInteger(attempt + Long.toString(fileId));
        StringBuilder out = new StringBuilder();
        while (value.signum() > 0) {
            BigInteger[] division = value.divideAndRemainder(BASE);
            out.append(ALPHABET.charAt(division[1].intValue()));
            value = division[0];
        }
        return out.reverse().toString();
    }

    /** Whether a path segment can be a short URL at all; which file it names, only the database knows. */
    public static boolean isWellFormed(String shortUrl) {
        return shortUrl != null && WELL_FORMED.matcher(shortUrl).matches();
    }
}
