package dev.filehost.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** "attachment" with an ASCII fallback name and the exact UTF-8 name (RFC 6266 and 5987). */
final class ContentDisposition {
    private ContentDisposition() {
    }

    static String attachment(String name) {
        StringBuilder ascii = new StringBuilder();
        name.codePoints().forEach(c -> ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '%'
                ? (char) c : '_'));
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
