package dev.filehost.urlimport;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** What counts as an importable URL: absolute http or https with a host, of sensible length. */
final class UrlRules {
    static final int MAX_LENGTH = 2048;
    static final String INVALID = "The URL is not valid. Only http:// and https:// URLs can be imported.";

    private UrlRules() {
    }

    static URI parse(String text) throws ImportFailure {
        if (text.length() > MAX_LENGTH || text.chars().anyMatch(c -> c <= 0x20 || c == 0x7f)) {
            throw new ImportFailure(INVALID);
        }
        try {
            URI uri = new URI(text);
            requireHttp(uri);
            return uri;
        } catch (URISyntaxException e) {
            throw new ImportFailure(INVALID);
        }
    }

    static void requireHttp(URI uri) throws ImportFailure {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || uri.getHost().isEmpty()
                || uri.getRawUserInfo() != null) {
            throw new ImportFailure(INVALID);
        }
    }
}
