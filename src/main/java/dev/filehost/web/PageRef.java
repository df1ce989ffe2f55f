package dev.filehost.web;

import dev.filehost.file.ShortUrls;
import java.util.Optional;

/** The one reading of a public path segment: which file (by short URL) and which of its pages. */
record PageRef(String shortUrl, PageKind kind) {

    /** Empty unless the segment has the form of a short URL, bare or with a known "~" suffix. */
    static Optional<PageRef> parse(String segment) {
        int tilde = segment.indexOf('~');
        String shortUrl = tilde < 0 ? segment : segment.substring(0, tilde);
        if (!ShortUrls.isWellFormed(shortUrl)) {
            return Optional.empty();
        }
        Optional<PageKind> kind = tilde < 0 ? Optional.of(PageKind.FILE) : PageKind.bySuffix(segment.substring(tilde + 1));
        return kind.map(k -> new PageRef(shortUrl, k));
    }
}
