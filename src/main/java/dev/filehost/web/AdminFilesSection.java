package dev.filehost.web;

import dev.filehost.admin.FileAdmin;
import dev.filehost.admin.FileSearch;
import dev.filehost.admin.SizeText;
import dev.filehost.core.Ids;
import dev.filehost.file.FileLinks;
import dev.filehost.file.FileRepository;
import dev.filehost.file.StoredFile;
import dev.filehost.http.ApiDates;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Files of every account: found by name, owner, checksum or short URL, narrowed by size, type and upload day,
 * sorted and paged; each with its owner and the address it came from; chosen ones go to the trash at once.
 */
public final class AdminFilesSection implements AdminSection {
    static final String PATH = AdminRoutes.ROOT + "/files";
    private static final Map<String, String> DONE = Map.of("trashed", "The chosen files went to the trash.");

    private final FileSearch search;
    private final FileAdmin files;
    private final FileLinks links;
    private final ApiDates dates;

    public AdminFilesSection(FileSearch search, FileAdmin files, FileLinks links, ApiDates dates) {
        this.search = search;
        this.files = files;
        this.links = links;
        this.dates = dates;
    }

    /** One choice of a select, as the form shows it. */
    record Choice(String value, String label, boolean selected) {
    }

    private record Row(long id, String name, String pageUrl, String owner, String size, String type, String status,
                       String uploaded, long downloads, String address) {
    }

    private record FilesPage(String q, List<Choice> searchBy, String minSize, String maxSize, String type,
                             String from, String to, List<Choice> sorts, List<Choice> orders, List<Row> files,
                             PageLinks pages, String notice, String error, String back) {
        boolean any() {
            return !files.isEmpty();
        }
    }

    @Override
    public String title() {
        return "Files";
    }

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public void register(AdminRouter router) {
        router.get(PATH, (ctx, call) -> show(router, ctx));
        router.post(PATH + "/trash", (ctx, call) -> {
            List<Long> ids = ctx.formParams("ids").stream().map(Ids::parse).flatMap(Optional::stream).toList();
            files.trash(call.actor(), ids);
            String back = Objects.requireNonNullElse(ctx.formParam("back"), PATH);
            ctx.redirect((back.startsWith(PATH) ? back : PATH) + (back.contains("?") ? "&" : "?") + "done=trashed",
                    HttpStatus.SEE_OTHER);
        });
    }

    private void show(AdminRouter router, Context ctx) {
        String q = param(ctx, "q");
        String by = param(ctx, "by").isEmpty() ? "name" : param(ctx, "by");
        String sort = param(ctx, "sort").isEmpty() ? "date" : param(ctx, "sort");
        String order = param(ctx, "order").isEmpty() ? "desc" : param(ctx, "order");
        List<Choice> byChoices = choices(by, "name", "Name", "owner", "Owner", "md5", "MD5",
                "sha256", "SHA-256", "short_url", "Short URL");
        List<Choice> sorts = choices(sort, "date", "Upload date", "name", "Name", "size", "Size",
                "downloads", "Downloads");
        List<Choice> orders = choices(order, "desc", "Descending", "asc", "Ascending");
        String back = ctx.queryString() == null ? PATH : PATH + "?" + ctx.queryString().replaceAll("&?done=\\w+", "");
        List<Row> rows = List.of();
        PageLinks pages = PageLinks.of(ctx, 1, false);
        String error = null;
        try {
            FileSearch.Found found = search.find(new FileSearch.Query(searchBy(by), q, size(ctx, "min"),
                    size(ctx, "max"), param(ctx, "type"), day(ctx, "from"), day(ctx, "to"), order(sort),
                    !order.equals("asc"), page(ctx)));
            Map<Long, String> owners = files.ownerNames(found.files());
            rows = found.files().stream().map(file -> row(file, owners)).toList();
            pages = PageLinks.of(ctx, found.page(), found.hasMore());
        } catch (IllegalArgumentException e) {
            error = e.getMessage();
        }
        router.show(ctx, error == null ? 200 : 400, "admin_files", new FilesPage(q, byChoices, param(ctx, "min"),
                param(ctx, "max"), param(ctx, "type"), param(ctx, "from"), param(ctx, "to"), sorts, orders, rows, pages,
                DONE.get(param(ctx, "done")), error, back));
    }

    private Row row(StoredFile file, Map<Long, String> owners) {
        return new Row(file.id(), file.name(), links.page(file), owners.getOrDefault(file.userId(), "#" + file.userId()),
                ByteSizes.human(file.size()), file.mimeType(), file.status().value(), dates.format(file.createdAt()),
                file.downloads(), Objects.requireNonNullElse(file.uploadedIp(), "unknown"));
    }

    static List<Choice> choices(String current, String... valuesAndLabels) {
        return IntStream.range(0, valuesAndLabels.length / 2)
                .mapToObj(i -> new Choice(valuesAndLabels[2 * i], valuesAndLabels[2 * i + 1],
                        valuesAndLabels[2 * i].equals(current)))
                .toList();
    }

    private static FileSearch.By searchBy(String by) {
        return Arrays.stream(FileSearch.By.values()).filter(b -> b.name().equalsIgnoreCase(by)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("search by name, owner, MD5, SHA-256 or short URL"));
    }

    private static FileRepository.Order order(String sort) {
        return Arrays.stream(FileRepository.Order.values()).filter(o -> o.name().equalsIgnoreCase(sort)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("sort by name, size, date or downloads"));
    }

    private static Long size(Context ctx, String name) {
        String text = param(ctx, name);
        return text.isEmpty() ? null : SizeText.parse(text);
    }

    static LocalDate day(Context ctx, String name) {
        String text = param(ctx, name);
        try {
            return text.isEmpty() ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a day such as 2026-12-03");
        }
    }

    static int page(Context ctx) {
        return Ids.parse(param(ctx, "page")).filter(page -> page < 100_000).map(Long::intValue).orElse(1);
    }

    static String param(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null ? "" : value.strip();
    }
}
