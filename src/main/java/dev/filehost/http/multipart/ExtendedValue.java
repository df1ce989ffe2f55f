package dev.filehost.http.multipart;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/** Decodes RFC 5987 extended parameter values such as {@code UTF-8''na%C3%AFve.txt}. */
final class ExtendedValue {

    private ExtendedValue() {
    }

    /** Empty when the value is malformed or uses a charset other than the two RFC 5987 requires. */
    static Optional<String> decode(String value) {
        int charsetEnd = value.indexOf('\'');
        int languageEnd = charsetEnd < 0 ? -1 : value.indexOf('\'', charsetEnd + 1);
        if (languageEnd < 0) {
            return Optional.empty();
        }
        Charset charset = switch (value.substring(0, charsetEnd).toUpperCase(Locale.ROOT)) {
            case "UTF-8" -> StandardCharsets.UTF_8;
            case "ISO-8859-1" -> StandardCharsets.ISO_8859_1;
            default -> null;
        };
        if (charset == null) {
            return Optional.empty();
        }
        return percentDecode(value.substring(languageEnd + 1)).flatMap(bytes -> decodeStrictly(bytes, charset));
    }

    private static Optional<byte[]> percentDecode(String encoded) {
        var bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                if (i + 2 >= encoded.length()
                        || !HexFormat.isHexDigit(encoded.charAt(i + 1)) || !HexFormat.isHexDigit(encoded.charAt(i + 2))) {
                    return Optional.empty();
                }
                bytes.write(HexFormat.fromHexDigits(encoded, i + 1, i + 3));
                i += 2;
            } else if (c > ' ' && c < 0x7F) {
                bytes.write(c);
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(bytes.toByteArray());
    }

    private static Optional<String> decodeStrictly(byte[] bytes, Charset charset) {
        try {
            return Optional.of(charset.newDecoder().decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException malformed) {
            return Optional.empty();
        }
    }
}
