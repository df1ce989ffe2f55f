package dev.filehost.web;

import dev.filehost.file.ShortUrls;
import java.util.Optional;

/** The one reading of a public path segment: which file (by short URL) and which of its pages. */
record PageRef(String shortUrl, PageKind kind) {

    /** Empty unless the segment is a short URL this server could have made, bare or with a known "~" suffix. */
    static Optional<PageRef> parse(String segment) {
        int tilde = segment.indexOf('~');
        String shortUrl = tilde < 0 ? segment : segment.substring(0, tilde);
        if (ShortUrls.decode(shortUrl).isEmpty()) {
            return Optional.empty();
        }
        Optional<PageKind> kind = tilde < 0 ? Optional.of(PageKind.FILE) : PageKind.bySuffix(segment.substring(tilde + 1));
        return kind.map(k -> new PageRef(shortUrl, k));
    }
}
