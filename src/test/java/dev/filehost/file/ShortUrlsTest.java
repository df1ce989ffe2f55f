package dev.filehost.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Short URLs never name one of the site's own paths, in any case. */
class ShortUrlsTest {
    private static final String ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    @Test
    void anIdWhoseFirstCodeIsASitePathGetsItsNextCode() {
        long id = firstIdEncodedAsCaseOf("api");
        String first = ShortUrls.encode(id);
        assertThat(first.toLowerCase(Locale.ROOT)).isEqualTo("api");

        String given = ShortUrls.firstFree(id, code -> false);

        assertThat(given).isEqualTo(ShortUrls.candidate(id, 2)).isNotEqualToIgnoringCase("api");
        assertThat(ShortUrls.isReserved(given)).isFalse();
    }

    @Test
    void sitePathsAreReservedInAnyCase() {
        assertThat(List.of("account", "Account", "REGISTER", "admin", "Api", "assets", "folder"))
                .allMatch(ShortUrls::isReserved);
        assertThat(ShortUrls.isReserved("2Vv")).isFalse();
    }

    @Test
    void aTakenCodeIsSkippedAsBefore() {
        assertThat(ShortUrls.firstFree(60, code -> code.equals(ShortUrls.candidate(60, 1)))).isEqualTo("4c");
    }

    /** The id of the first code attempt that spells {@code word} in some mix of cases. */
    private static long firstIdEncodedAsCaseOf(String word) {
        List<Long> ids = new ArrayList<>();
        for (int mask = 0; mask < 1 << word.length(); mask++) {
            StringBuilder variant = new StringBuilder();
            for (int i = 0; i < word.length(); i++) {
                char c = word.charAt(i);
                variant.append((mask & 1 << i) != 0 ? Character.toUpperCase(c) : c);
            }
            String decimal = decode(variant.toString()).toString();
            // The first attempt writes "1" then the id, with no leading zero of its own.
            if (decimal.length() > 1 && decimal.charAt(0) == '1' && decimal.charAt(1) != '0') {
                ids.add(Long.parseLong(decimal.substring(1)));
            }
        }
        assertThat(ids).as("some case of " + word + " is a first attempt").isNotEmpty();
        return ids.get(0);
    }

    private static BigInteger decode(String code) {
        BigInteger value = BigInteger.ZERO;
        for (char c : code.toCharArray()) {
            value = value.multiply(BigInteger.valueOf(62)).add(BigInteger.valueOf(ALPHABET.indexOf(c)));
        }
        return value;
    }
}
