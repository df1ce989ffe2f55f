package dev.filehost.web;

import dev.filehost.admin.FileAdmin;
import dev.filehost.admin.FileSearch;
import dev.filehost.admin.SizeText;
import dev.filehost.core.Ids;
import dev.filehost.file.FileLinks;
import dev.filehost.file.StoredFile;
import dev.filehost.http.ApiDates;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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

    private record Row(long id, String name, String pageUrl, String owner, String size, String type, String status,
                       String uploaded, long downloads, String address) {
    }

    private record FilesPage(String q, List<AdminForms.Choice> searchBy, String minSize, String maxSize, String type,
                             String from, String to, List<AdminForms.Choice> sorts, List<AdminForms.Choice> orders, List<Row> files,
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
        String by = or(AdminForms.param(ctx, "by"), "name");
        String sort = or(AdminForms.param(ctx, "sort"), "date");
        String order = or(AdminForms.param(ctx, "order"), "desc");
        String back = ctx.queryString() == null ? PATH : PATH + "?" + ctx.queryString().replaceAll("&?done=\\w+", "");
        List<Row> rows = List.of();
        PageLinks pages = PageLinks.of(ctx, 1, false);
        String error = null;
        try {
            FileSearch.Found found = search.find(new FileSearch.Query(FileSearch.by(by), AdminForms.param(ctx, "q"),
                    size(ctx, "min"), size(ctx, "max"), AdminForms.param(ctx, "type"), AdminForms.day(ctx, "from"),
                    AdminForms.day(ctx, "to"), FileSearch.order(sort), !order.equals("asc"), AdminForms.page(ctx)));
            Map<Long, String> owners = files.ownerNames(found.files());
            rows = found.files().stream().map(file -> row(file, owners)).toList();
            pages = PageLinks.of(ctx, found.page(), found.hasMore());
        } catch (IllegalArgumentException e) {
            error = e.getMessage();
        }
        router.show(ctx, error == null ? 200 : 400, "admin_files", new FilesPage(AdminForms.param(ctx, "q"),
                AdminForms.choices(by, "name", "Name", "owner", "Owner", "md5", "MD5", "sha256", "SHA-256",
                        "short_url", "Short URL"),
                AdminForms.param(ctx, "min"), AdminForms.param(ctx, "max"), AdminForms.param(ctx, "type"),
                AdminForms.param(ctx, "from"), AdminForms.param(ctx, "to"),
                AdminForms.choices(sort, "date", "Upload date", "name", "Name", "size", "Size", "downloads",
                        "Downloads"),
                AdminForms.choices(order, "desc", "Descending", "asc", "Ascending"), rows, pages,
                DONE.get(AdminForms.param(ctx, "done")), error, back));
    }

    private Row row(StoredFile file, Map<Long, String> owners) {
        return new Row(file.id(), file.name(), links.page(file), owners.getOrDefault(file.userId(), "#" + file.userId()),
                ByteSizes.human(file.size()), file.mimeType(), file.status().value(), dates.format(file.createdAt()),
                file.downloads(), Objects.requireNonNullElse(file.uploadedIp(), "unknown"));
    }

    private static String or(String given, String fallback) {
        return given.isEmpty() ? fallback : given;
    }

    private static Long size(Context ctx, String name) {
        String text = AdminForms.param(ctx, name);
        return text.isEmpty() ? null : SizeText.parse(text);
    }
}
