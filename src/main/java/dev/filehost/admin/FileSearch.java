package dev.filehost.admin;

import dev.filehost.file.FileRepository;
import dev.filehost.file.StoredFile;
import java.util.List;
import java.util.regex.Pattern;

/** Finds files for an operator by part of the name, owner, MD5, SHA-256 or short URL, whatever their status. */
public final class FileSearch {
    public static final int MAX_FOUND = 200;
    private static final Pattern MD5 = Pattern.compile("[0-9A-Fa-f]{32}");
    private static final Pattern SHA256 = Pattern.compile("[0-9A-Fa-f]{64}");

    /** What the search text is. */
    public enum By { NAME, OWNER, MD5, SHA256, SHORT_URL }

    private final FileRepository files;
    private final UserAdmin users;

    public FileSearch(FileRepository files, UserAdmin users) {
        this.files = files;
        this.users = users;
    }

    /** Newest first, at most {@link #MAX_FOUND}; throws IllegalArgumentException for a malformed checksum or unknown owner. */
    public List<StoredFile> find(By by, String text) {
        String value = text.strip();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("nothing to search for");
        }
        return switch (by) {
            case NAME -> files.search(FileRepository.Match.NAME, value, MAX_FOUND);
            case OWNER -> files.search(FileRepository.Match.OWNER, Long.toString(users.find(value).id()), MAX_FOUND);
            case MD5 -> files.search(FileRepository.Match.MD5, checked(MD5, value, "an MD5 is 32 hex digits"), MAX_FOUND);
            case SHA256 -> files.search(FileRepository.Match.SHA256,
                    checked(SHA256, value, "a SHA-256 is 64 hex digits"), MAX_FOUND);
            case SHORT_URL -> files.findByShortUrl(value).stream().toList();
        };
    }

    private static String checked(Pattern pattern, String value, String rule) {
        if (!pattern.matcher(value).matches()) {
            throw new IllegalArgumentException(rule);
        }
        return value;
    }
}
