package dev.filehost.file;

import java.math.BigInteger;
import java.util.OptionalLong;

/**
 * Short URLs as the original makes them: base 62 (0-9, a-z, A-Z) of the decimal number
 * written as "1" followed by the file id (1253 → 11253 → "2Vv").
 */
public final class ShortUrls {
    private static final String ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final BigInteger BASE = BigInteger.valueOf(62);
    private static final int MAX_LENGTH = 16;

    private ShortUrls() {
    }

    public static String encode(long fileId) {
        BigInteger value = new BigInteger("1" + fileId);
        StringBuilder out = new StringBuilder();
        while (value.signum() > 0) {
            BigInteger[] division = value.divideAndRemainder(BASE);
            out.append(ALPHABET.charAt(division[1].intValue()));
            value = division[0];
        }
        return out.reverse().toString();
    }

    /** The file id of a short URL, or empty when it is not one this server could have made. */
    public static OptionalLong decode(String shortUrl) {
        if (shortUrl == null || shortUrl.isEmpty() || shortUrl.length() > MAX_LENGTH) {
            return OptionalLong.empty();
        }
        BigInteger value = BigInteger.ZERO;
        for (int i = 0; i < shortUrl.length(); i++) {
            int digit = ALPHABET.indexOf(shortUrl.charAt(i));
            if (digit < 0) {
                return OptionalLong.empty();
            }
            value = value.multiply(BASE).add(BigInteger.valueOf(digit));
        }
        String decimal = value.toString();
        if (decimal.length() < 2 || decimal.charAt(0) != '1' || decimal.charAt(1) == '0' || decimal.length() > 19) {
            return OptionalLong.empty();
        }
        long id = Long.parseLong(decimal.substring(1));
        return encode(id).equals(shortUrl) ? OptionalLong.of(id) : OptionalLong.empty();
    }
}
