package dev.filehost.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * "attachment" with the name as the original sends it, raw UTF-8 in {@code filename=} (which
 * browsers read), and the exact name again in {@code filename*=} (RFC 6266 and 5987).
 */
final class ContentDisposition {
    private ContentDisposition() {
    }

    static String attachment(String name) {
        StringBuilder quoted = new StringBuilder();
        name.codePoints().forEach(c -> {
            if (c == '"' || c == '\\') {
                quoted.append('\\').append((char) c);
            } else if (!Character.isISOControl(c)) {
                quoted.appendCodePoint(c);
            }
        });
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + asHeaderBytes(quoted.toString()) + "\"; filename*=UTF-8''" + encoded;
    }

    /**
     * Jetty writes each char of a header value as one byte (ISO-8859-1); the UTF-8 bytes of the
     * name, one char each, therefore reach the wire as UTF-8.
     */
    private static String asHeaderBytes(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }
}
