package dev.filehost.web;

import dev.filehost.core.Ids;
import dev.filehost.file.FileRepository;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** What the file manager is asked to show: a folder (or the root), a search or the trash; sorted and paged. */
record ManagerQuery(Optional<Long> folderId, String search, boolean isTrash, String sort, boolean descending, int page) {
    static final List<String> SORTS = List.of("name", "size", "date", "downloads");
    private static final int MAX_PAGE = 1_000_000;

    static ManagerQuery of(Context ctx) {
        String sort = Objects.requireNonNullElse(ctx.queryParam("sort"), "name");
        int page = Ids.parse(ctx.queryParam("page")).filter(p -> p >= 1 && p <= MAX_PAGE).map(Long::intValue).orElse(1);
        return new ManagerQuery(Ids.parse(ctx.queryParam("folder")),
                Objects.requireNonNullElse(ctx.queryParam("q"), "").strip(), "trash".equals(ctx.queryParam("view")),
                SORTS.contains(sort) ? sort : "name", "desc".equals(ctx.queryParam("dir")), page);
    }

    /** The sort as the database orders a folder's page. */
    FileRepository.ListingOrder order() {
        return FileRepository.ListingOrder.valueOf(sort.toUpperCase(Locale.ROOT));
    }

    boolean isSearch() {
        return !isTrash && !search.isEmpty();
    }

    /** This view's address with another sort order, or another page. */
    String url(String newSort, boolean newDescending, int newPage) {
        StringBuilder url = new StringBuilder("/account?");
        if (isTrash) {
            url.append("view=trash&");
        } else if (isSearch()) {
            url.append("q=").append(URLEncoder.encode(search, StandardCharsets.UTF_8)).append('&');
        } else {
            folderId.ifPresent(id -> url.append("folder=").append(id).append('&'));
        }
        url.append("sort=").append(newSort).append(newDescending ? "&dir=desc" : "");
        return newPage > 1 ? url + "&page=" + newPage : url.toString();
    }

    String url() {
        return url(sort, descending, page);
    }

    /** Where a form sends the visitor back to: one of the manager's own addresses, never another site's. */
    static String safeReturn(String back) {
        boolean own = back != null && (back.equals("/account") || back.startsWith("/account?"))
                && back.chars().noneMatch(c -> c == '\\' || c < 0x21);
        return own ? back : "/account";
    }
}
