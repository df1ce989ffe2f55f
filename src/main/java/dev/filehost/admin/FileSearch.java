package dev.filehost.admin;

import dev.filehost.file.FileRepository;
import dev.filehost.file.StoredFile;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Finds files for an operator, whatever their status: by part of the name, owner, MD5, SHA-256 or short URL
 * (or every file), narrowed by size, type and upload date, sorted, a page at a time.
 */
public final class FileSearch {
    public static final int PER_PAGE = 50;
    private static final Pattern MD5 = Pattern.compile("[0-9A-Fa-f]{32}");
    private static final Pattern SHA256 = Pattern.compile("[0-9A-Fa-f]{64}");
    private static final Pattern EXTENSION = Pattern.compile("\\.?[A-Za-z0-9]{1,20}");
    private static final Pattern MIME = Pattern.compile("[A-Za-z0-9!#$&^_.+-]+/[A-Za-z0-9!#$&^_.+-]*");

    /** What the search text is. */
    public enum By { NAME, OWNER, MD5, SHA256, SHORT_URL }

    /**
     * An operator's search: {@code text} blank for every file; a null bound is unset. {@code type} is a MIME
     * type ("image/png"), a family ("image/") or an extension ("png"); the dates are days of the site's time
     * zone, both included; {@code page} counts from 1.
     */
    public record Query(By by, String text, Long minSize, Long maxSize, String type, LocalDate from, LocalDate to,
                        FileRepository.Order order, boolean descending, int page) {

        /** Newest first, the first page, no filter. */
        public static Query of(By by, String text) {
            return new Query(by, text, null, null, null, null, null, FileRepository.Order.DATE, true, 1);
        }
    }

    /** One page of the files found; {@code hasMore} when the next page has some. */
    public record Found(List<StoredFile> files, int page, boolean hasMore) {
    }

    private final FileRepository files;
    private final UserAdmin users;
    private final ZoneId zone;

    public FileSearch(FileRepository files, UserAdmin users, ZoneId zone) {
        this.files = files;
        this.users = users;
        this.zone = zone;
    }

    /** The order an operator names: name, size, date or downloads, in any case. */
    public static FileRepository.Order order(String name) {
        return Arrays.stream(FileRepository.Order.values()).filter(order -> order.name().equalsIgnoreCase(name.strip()))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("sort by name, size, date or downloads"));
    }

    /** What the search text is, as an operator names it: name, owner, md5, sha256 or short_url. */
    public static By by(String name) {
        return Arrays.stream(By.values()).filter(by -> by.name().equalsIgnoreCase(name.strip())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("search by name, owner, md5, sha256 or short_url"));
    }

    /** Throws IllegalArgumentException for a malformed checksum, type or bound, or an unknown owner. */
    public Found find(Query query) {
        String value = query.text() == null ? "" : query.text().strip();
        if (query.by() == By.SHORT_URL && !value.isEmpty()) {
            return new Found(files.findByShortUrl(value).stream().toList(), 1, false);
        }
        if (query.minSize() != null && query.maxSize() != null && query.minSize() > query.maxSize()) {
            throw new IllegalArgumentException("the smallest size is larger than the largest");
        }
        if (query.from() != null && query.to() != null && query.from().isAfter(query.to())) {
            throw new IllegalArgumentException("the first day is after the last");
        }
        int page = Math.max(1, query.page());
        String type = query.type() == null ? "" : query.type().strip();
        String mime = type.contains("/") ? checked(MIME, type, "a type is like image/png, image/ or png") : null;
        String extension = type.isEmpty() || mime != null ? null
                : checked(EXTENSION, type, "a type is like image/png, image/ or png").replaceFirst("^\\.", "");
        FileRepository.Match match = value.isEmpty() ? null : switch (query.by()) {
            case NAME -> FileRepository.Match.NAME;
            case OWNER -> FileRepository.Match.OWNER;
            case MD5 -> FileRepository.Match.MD5;
            case SHA256 -> FileRepository.Match.SHA256;
            case SHORT_URL -> throw new IllegalStateException("short URLs are looked up above");
        };
        String matched = match == null ? null : switch (match) {
            case NAME -> value;
            case OWNER -> Long.toString(users.find(value).id());
            case MD5 -> checked(MD5, value, "an MD5 is 32 hex digits");
            case SHA256 -> checked(SHA256, value, "a SHA-256 is 64 hex digits");
        };
        List<StoredFile> found = files.search(new FileRepository.Search(match, matched, nonNegative(query.minSize()),
                nonNegative(query.maxSize()), mime, extension == null ? null : extension.toLowerCase(Locale.ROOT),
                query.from() == null ? null : query.from().atStartOfDay(zone).toInstant().toEpochMilli(),
                query.to() == null ? null : query.to().plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli(),
                query.order(), query.descending(), (page - 1) * PER_PAGE, PER_PAGE + 1));
        boolean more = found.size() > PER_PAGE;
        return new Found(more ? found.subList(0, PER_PAGE) : found, page, more);
    }

    private static Long nonNegative(Long bytes) {
        if (bytes != null && bytes < 0) {
            throw new IllegalArgumentException("a size cannot be negative");
        }
        return bytes;
    }

    private static String checked(Pattern pattern, String value, String rule) {
        if (!pattern.matcher(value).matches()) {
            throw new IllegalArgumentException(rule);
        }
        return value;
    }
}
