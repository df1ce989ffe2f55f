package dev.filehost.file;

import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The rules for file names: what a client sends, what is stored, and what URLs show. */
public final class FileNames {
    public static final int MAX_LENGTH = 255;
    private static final int MAX_KEPT_EXTENSION = 20;
    /** " (2147483647)": the longest " (n)" an int gives. */
    private static final int LONGEST_NUMBER_SUFFIX = 13;
    /** Where a name splits into keywords; a run of them is one split. */
    private static final String KEYWORD_SEPARATORS = "_-.,() ";

    private FileNames() {
    }

    /**
     * The stored name for a client's name: the base name only (some clients send a path),
     * without control characters, at most 255 characters; empty when nothing usable is left.
     */
    public static Optional<String> clean(String clientName) {
        if (clientName == null) {
            return Optional.empty();
        }
        String base = clientName.substring(Math.max(clientName.lastIndexOf('/'), clientName.lastIndexOf('\\')) + 1);
        String visible = visible(base);
        if (visible.isEmpty() || visible.equals(".") || visible.equals("..")) {
            return Optional.empty();
        }
        return Optional.of(truncate(visible));
    }

    /** The text without control characters and line or paragraph separators, stripped: what a name may show. */
    public static String visible(String text) {
        return text.codePoints()
                .filter(c -> !Character.isISOControl(c) && c != 0x2028 && c != 0x2029)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString().strip();
    }

    /** Keeps the extension when a name must be cut to the maximum length. */
    private static String truncate(String name) {
        if (length(name) <= MAX_LENGTH) {
            return name;
        }
        String extension = keptExtension(name);
        return cut(name, MAX_LENGTH - extension.length()) + extension;
    }

    /** The lower-cased extension without the dot, or empty. */
    public static String extensionOf(String name) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 || dot == name.length() - 1 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /**
     * "name.ext" → "name (n).ext", for the n-th file of the same name in a folder. A name at the
     * maximum length loses characters of its stem, never of " (n)", so every n gives another name.
     */
    public static String numbered(String name, int n) {
        String suffix = " (" + n + ")" + keptExtension(name);
        return cut(stemOf(name), MAX_LENGTH - suffix.length()) + suffix;
    }

    /** The start every {@link #numbered} name of {@code name} shares, whatever its n. */
    public static String numberedPrefix(String name) {
        return cut(stemOf(name), MAX_LENGTH - LONGEST_NUMBER_SUFFIX - keptExtension(name).length());
    }

    /** The name without the extension that {@link #truncate} and {@link #numbered} keep. */
    private static String stemOf(String name) {
        return name.substring(0, name.length() - keptExtension(name).length());
    }

    /** ".ext" when a short extension is worth keeping when the rest is cut, else empty. */
    private static String keptExtension(String name) {
        String extension = extensionOf(name);
        return extension.isEmpty() || extension.length() > MAX_KEPT_EXTENSION ? ""
                : name.substring(name.length() - extension.length() - 1);
    }

    /** At most {@code codePoints} code points of the text's start. */
    private static String cut(String text, int codePoints) {
        return length(text) <= codePoints ? text : text.substring(0, text.offsetByCodePoints(0, codePoints));
    }

    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    /**
     * The keywords the original shows: the name with ASCII letters lower-cased (others kept as they
     * are), split at each run of _ - . , ( ) and spaces, comma-joined, an empty part before a
     * leading separator or after a trailing one kept: "button_back.gif" → "button,back,gif",
     * "(Draft) ÄÖÜ Straße_.TXT" → ",draft,ÄÖÜ,straße,txt".
     */
    public static String keywords(String name) {
        char[] out = new char[name.length()];
        return new String(out, 0, keywords(name, out, 0));
    }

    /**
     * {@link #keywords(String)} written into {@code out} from {@code offset}, which has room for the name;
     * returns their length. One pass instead of a regex split and a join: a folder listing does this for
     * every file it shows.
     */
    static int keywords(String name, char[] out, int offset) {
        int at = offset;
        boolean inSeparators = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (KEYWORD_SEPARATORS.indexOf(c) >= 0) {
                if (!inSeparators) {
                    out[at++] = ',';
                }
                inSeparators = true;
            } else {
                out[at++] = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
                inSeparators = false;
            }
        }
        return at - offset;
    }

    /** A name safe to put in a URL path: letters, digits, '.', '-' and '_' only. */
    public static String urlSafe(String name) {
        String safe = name.codePoints()
                .mapToObj(c -> Character.isLetterOrDigit(c) && c < 128 || c == '.' || c == '-' ? Character.toString(c) : "_")
                .collect(Collectors.joining());
        return safe.isEmpty() ? "file" : safe;
    }
}
