package dev.filehost.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/** Parameter values meant to break handlers: odd numbers, odd text, odd sizes. */
final class HostileValues {
    private static final List<String> NUMBERS = List.of("0", "-1", "-9223372036854775808", "9223372036854775807",
            "9223372036854775808", "99999999999999999999999999", "1e3", "0x10", "1.5", " 12 ", "+7", "00000000000000000001",
            "１２", "٣", "NaN", "Infinity", "null", "true", "[]", "{}", "1,2", "1;2", "1 OR 1=1", "%", "");
    private static final List<String> TEXTS = List.of("' OR '1'='1' --", "\"; DROP TABLE files; --", "../../etc/passwd",
            "..\\..\\boot.ini", "<script>alert(1)</script>", "${jndi:ldap://127.0.0.1/a}", "{{7*7}}", "%00", "%s%n",
            "\u0000", "a\u0000b", "\r\nSet-Cookie: x=1", "\u0007\u001b[31m", "\u202eexe.txt", "😀🙃", "\uFEFF",
            "null", "undefined", "NaN", "-", ".", "/", "\\", "   ", "\t", "CON", "nul.txt", ".htaccess");

    private final Random random;

    HostileValues(Random random) {
        this.random = random;
    }

    String any() {
        return switch (random.nextInt(9)) {
            case 0, 1 -> pick(NUMBERS);
            case 2, 3 -> pick(TEXTS);
            case 4 -> Long.toString(random.nextLong());
            case 5 -> pick(List.of("x", "é", "9", " ")).repeat(sizes());
            case 6 -> controlCharacters();
            case 7 -> base64Url();
            default -> randomUnicode(random.nextInt(40));
        };
    }

    /** A file_url_base64 value: decodable or not, and only ever naming this machine. */
    String base64Url() {
        String url = pick(List.of("http://127.0.0.1:1/x", "https://127.0.0.1:1/", "ftp://127.0.0.1/a",
                "file:///etc/passwd", "gopher://127.0.0.1:1/", "http://[::1]:1/", "http://0177.0.0.1:1/",
                "http://localhost:1/" + "a".repeat(5000), "javascript:alert(1)", "", "not a url",
                "http://127.0.0.1:1/a\r\nb", "http://user:pass@127.0.0.1:1/"));
        String encoded = Base64.getEncoder().encodeToString(url.getBytes(StandardCharsets.UTF_8));
        return switch (random.nextInt(4)) {
            case 0 -> encoded;
            case 1 -> encoded.replace('+', '-').replace('/', '_').replace("=", "");
            case 2 -> encoded.substring(0, encoded.length() / 2) + "!*";
            default -> "====" + encoded;
        };
    }

    /** A length from tiny to near the form limit. */
    private int sizes() {
        return switch (random.nextInt(4)) {
            case 0 -> 255 + random.nextInt(3);
            case 1 -> 1024 + random.nextInt(64);
            case 2 -> 65_536 + random.nextInt(2);
            default -> random.nextInt(300_000);
        };
    }

    private String controlCharacters() {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(20); i >= 0; i--) {
            text.append((char) random.nextInt(0x20));
        }
        return text.toString();
    }

    String randomUnicode(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int codePoint = random.nextInt(0x30000);
            if (Character.isValidCodePoint(codePoint) && !Character.isSurrogate((char) codePoint)) {
                text.appendCodePoint(codePoint);
            }
        }
        return text.toString();
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
