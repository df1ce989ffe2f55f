package dev.filehost.http.multipart;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A header value of the form {@code value; name=token; name="quoted string"}, as used by
 * Content-Type and Content-Disposition. Parameter names are lower-cased.
 */
record HeaderValue(String value, Map<String, String> parameters) {

    static HeaderValue parse(String header) throws MalformedMultipartException {
        int semicolon = header.indexOf(';');
        if (semicolon < 0) {
            return new HeaderValue(header.trim(), Map.of());
        }
        var parameters = new ParameterReader(header, semicolon + 1).readAll();
        return new HeaderValue(header.substring(0, semicolon).trim(), Collections.unmodifiableMap(parameters));
    }

    private static final class ParameterReader {

        private final String text;
        private int pos;

        ParameterReader(String text, int pos) {
            this.text = text;
            this.pos = pos;
        }

        Map<String, String> readAll() throws MalformedMultipartException {
            Map<String, String> parameters = new LinkedHashMap<>();
            while (true) {
                skipWhitespace();
                if (pos == text.length()) {
                    return parameters;
                }
                String name = readName();
                // A repeated parameter could be read differently by us and by a proxy in front of us.
                if (parameters.putIfAbsent(name, readValue()) != null) {
                    throw new MalformedMultipartException("header parameter '" + name + "' appears twice");
                }
                skipWhitespace();
                if (pos < text.length() && text.charAt(pos++) != ';') {
                    throw new MalformedMultipartException("unexpected text after header parameter '" + name + "'");
                }
            }
        }

        private String readName() throws MalformedMultipartException {
            int equals = text.indexOf('=', pos);
            int semicolon = text.indexOf(';', pos);
            if (equals < 0 || (semicolon >= 0 && semicolon < equals)) {
                throw new MalformedMultipartException("header parameter without a value");
            }
            String name = text.substring(pos, equals).trim().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                throw new MalformedMultipartException("header parameter without a name");
            }
            pos = equals + 1;
            return name;
        }

        private String readValue() throws MalformedMultipartException {
            skipWhitespace();
            if (pos < text.length() && text.charAt(pos) == '"') {
                pos++;
                return readQuotedRest();
            }
            int semicolon = text.indexOf(';', pos);
            int end = semicolon < 0 ? text.length() : semicolon;
            String token = text.substring(pos, end).trim();
            pos = end;
            return token;
        }

        /**
         * Only {@code \"} and {@code \\} are escapes: browsers put Windows paths like
         * {@code C:\dir\a.txt} inside quotes unescaped, while curl escapes quotes and backslashes.
         */
        private String readQuotedRest() throws MalformedMultipartException {
            var value = new StringBuilder();
            while (pos < text.length()) {
                char c = text.charAt(pos++);
                if (c == '"') {
                    return value.toString();
                }
                if (c == '\\' && pos < text.length() && (text.charAt(pos) == '"' || text.charAt(pos) == '\\')) {
                    c = text.charAt(pos++);
                }
                value.append(c);
            }
            throw new MalformedMultipartException("unterminated quoted string in header");
        }

        private void skipWhitespace() {
            while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
                pos++;
            }
        }
    }
}
