package dev.filehost.web;

import java.util.Arrays;
import java.util.Optional;

/** The public pages of a file, by the suffix after "~" in its path ("2Vv~i"); the file page has none. */
enum PageKind {
    FILE(null), INFO("i"), STATS("s"), DELETE("d"), PREVIEW("p"), REPORT("r");

    private final String suffix;

    PageKind(String suffix) {
        this.suffix = suffix;
    }

    static Optional<PageKind> bySuffix(String suffix) {
        return Arrays.stream(values()).filter(kind -> suffix.equals(kind.suffix)).findFirst();
    }
}
