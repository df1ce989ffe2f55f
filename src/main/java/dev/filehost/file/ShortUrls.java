package dev.filehost.file;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Short URLs as the original makes them: base 62 (0-9, a-z, A-Z) of the decimal number
 * written as "1" followed by the file id (1253 → 11253 → "2Vv"). When that code equals another
 * file's but for case, the next attempt writes "2", then "3" ... before the id (60 → 260 → "4c").
 * A code that, in any case, names one of the site's own paths is skipped the same way.
 */
public final class ShortUrls {
    private static final String ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final BigInteger BASE = BigInteger.valueOf(62);
    /** Codes this server makes, and those an operator may have set in the original (e.g. "Spring-2024"). */
    private static final Pattern WELL_FORMED = Pattern.compile("[0-9A-Za-z_-]{1,255}");

    /** The first segments of the site's own paths, lower case: /account, /register, /api/v2/..., ... */
    private static final Set<String> RESERVED = Set.of("account", "admin", "api", "assets", "folder", "health",
            "metrics", "register", "login", "logout", "upload", "uploads", "tus", "files", "search", "help", "terms",
            "privacy", "static", "docs", "contact", "faq", "index", "robots", "favicon", "www");

    private ShortUrls() {
    }

    /** Whether the code, in any case, is a site path that a short URL must never shadow. */
    public static boolean isReserved(String code) {
        return RESERVED.contains(code.toLowerCase(Locale.ROOT));
    }

    /** The first code of the file's attempts that names no site path and that {@code taken} does not refuse. */
    static String firstFree(long fileId, Predicate<String> taken) {
        for (int attempt = 1; ; attempt++) {
            String candidate = candidate(fileId, attempt);
            if (!isReserved(candidate) && !taken.test(candidate)) {
                return candidate;
            }
        }
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
