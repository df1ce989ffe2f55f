package dev.filehost.web;

import dev.filehost.account.Packages;
import dev.filehost.account.User;
import dev.filehost.core.ErrorKind;
import dev.filehost.core.Refusal;
import dev.filehost.file.AccountChanges;
import dev.filehost.file.AccountViewCache;
import dev.filehost.file.FileLinks;
import dev.filehost.file.FileService;
import dev.filehost.file.StorageQuota;
import dev.filehost.file.StoredFile;
import dev.filehost.folder.AccessPasswords;
import dev.filehost.folder.Folder;
import dev.filehost.folder.FolderLinks;
import dev.filehost.folder.FolderService;
import dev.filehost.folder.Folders;
import dev.filehost.http.ApiDates;
import dev.filehost.storage.BlobStore;
import dev.filehost.http.WebRoutes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * /account, the file manager: a folder's listing (sorted and paged), a search across folders and the
 * trash, with forms that call the same services as the API ({@link FileService}, {@link FolderService}).
 */
public final class FileManagerRoutes implements WebRoutes {
    static final int PAGE_SIZE = 100;
    /** A search or the trash shows at most this many files. */
    static final int FOUND_LIMIT = 500;

    private final FileService files;
    private final FolderService folderService;
    private final Folders folders;
    private final Packages packages;
    private final StorageQuota quota;
    private final SiteGate gate;
    private final Templates templates;
    private final ErrorPages errors;
    private final ManagerViews views;
    /** The page's parts built from the account's files and folders, by what the page was asked to show. */
    private final AccountViewCache<ManagerQuery, Optional<ManagerView>> pages;
    private final Thumbnails thumbnails;

    public FileManagerRoutes(FileService files, FolderService folderService, Folders folders, Packages packages,
                             StorageQuota quota, SiteGate gate, Templates templates, ErrorPages errors,
                             FileLinks fileLinks, FolderLinks folderLinks, ApiDates dates, BlobStore blobs,
                             AccountChanges changes, long cacheBytes) {
        this.files = files;
        this.folderService = folderService;
        this.folders = folders;
        this.packages = packages;
        this.quota = quota;
        this.gate = gate;
        this.templates = templates;
        this.errors = errors;
        this.views = new ManagerViews(fileLinks, folderLinks, dates, templates);
        this.pages = new AccountViewCache<>(changes::versionOf, cacheBytes,
                view -> view.map(ManagerView::bytes).orElse(64));
        this.thumbnails = new Thumbnails(blobs);
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/account", ctx -> gate.user(ctx).ifPresent(user -> show(ctx, user)));
        routes.get("/account/thumb/{id}", ctx -> {
            Optional<User> user = gate.user(ctx);
            if (user.isPresent()) {
                thumbnail(ctx, user.get());
            }
        });
        routes.post("/account/files", ctx -> gate.userPosting(ctx).ifPresent(user -> refusalsShown(ctx,
                () -> fileAction(ctx, user))));
        routes.post("/account/folders", ctx -> gate.userPosting(ctx).ifPresent(user -> refusalsShown(ctx,
                () -> folderAction(ctx, user))));
        routes.post("/account/trash/empty", ctx -> gate.userPosting(ctx).ifPresent(user -> {
            files.emptyTrash(user.id());
            ctx.redirect("/account?view=trash", HttpStatus.SEE_OTHER);
        }));
    }

    private void show(Context ctx, User user) {
        ManagerQuery query = ManagerQuery.of(ctx);
        Optional<ManagerView> view = pages.get(user.id(), query, () -> view(user.id(), query));
        if (view.isEmpty()) {
            errors.notFound(ctx);
            return;
        }
        StorageQuota.Usage usage = new StorageQuota.Usage(view.get().usedBytes(),
                StorageQuota.allowedBytes(user, packages.of(user)));
        templates.send(ctx, 200, "manager", ManagerViews.quota(usage), view.get().page());
    }

    /** What the account's files and folders give the page; empty when the folder asked for is not the user's. */
    private Optional<ManagerView> view(long userId, ManagerQuery query) {
        List<Folder> all = folders.activeOf(userId);
        Long folderId = query.folderId().filter(id -> all.stream().anyMatch(f -> f.id() == id)).orElse(null);
        if (query.folderId().isPresent() && folderId == null) {
            return Optional.empty();
        }
        FileService.ListingPage shown;
        List<Folder> subFolders = List.of();
        if (query.isTrash()) {
            shown = ManagerViews.pageOf(files.trashed(userId, FOUND_LIMIT), query);
        } else if (query.isSearch()) {
            shown = ManagerViews.pageOf(files.search(userId, query.search(), FOUND_LIMIT), query);
        } else {
            shown = files.activePage(userId, folderId, query.order(), query.descending(), query.page(), PAGE_SIZE);
            subFolders = all.stream().filter(f -> Objects.equals(f.parentId(), folderId)).toList();
        }
        return Optional.of(new ManagerView(views.page(query, all, folderId, subFolders, shown), quota.usedBytes(userId)));
    }

    private record ManagerView(ManagerViews.ManagerPage page, long usedBytes) {
        int bytes() {
            return page.bytes();
        }
    }

    private void thumbnail(Context ctx, User user) throws IOException {
        Optional<byte[]> png;
        try {
            png = thumbnails.of(files.owned(user.id(), ctx.pathParam("id"), false));
        } catch (Refusal notOwned) {
            png = Optional.empty();
        }
        if (png.isEmpty()) {
            errors.notFound(ctx);
            return;
        }
        ctx.header("Content-Type", "image/png").header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox").header("Cache-Control", "private, max-age=86400");
        ctx.result(png.get());
    }

    private void fileAction(Context ctx, User user) {
        String back = ManagerQuery.safeReturn(ctx.formParam("back"));
        String rename = ctx.formParam("rename");
        if (rename != null) {
            StoredFile file = files.owned(user.id(), rename, false);
            files.edit(file, Objects.requireNonNullElse(ctx.formParam("name_" + file.id()), ""), "", "");
            ctx.redirect(back, HttpStatus.SEE_OTHER);
            return;
        }
        String action = Objects.requireNonNullElse(ctx.formParam("action"), "");
        String target = Objects.requireNonNullElse(ctx.formParam("target"), "");
        for (String id : ctx.formParams("ids")) {
            StoredFile file = files.owned(user.id(), id, action.equals("restore"));
            switch (action) {
                case "move" -> files.move(file, target);
                case "copy" -> files.copy(file, target);
                case "delete" -> files.trash(file);
                case "restore" -> files.restore(file);
                default -> throw Refusal.badInput("Please choose what to do with the files.");
            }
        }
        ctx.redirect(back, HttpStatus.SEE_OTHER);
    }

    private void folderAction(Context ctx, User user) {
        String action = Objects.requireNonNullElse(ctx.formParam("action"), "");
        String id = Objects.requireNonNullElse(ctx.formParam("folder"), "");
        String name = Objects.requireNonNullElse(ctx.formParam("name"), "");
        String privacy = Objects.requireNonNullElse(ctx.formParam("privacy"), "");
        String typed = Objects.requireNonNullElse(ctx.formParam("password"), "");
        String password = typed.isEmpty() ? "" : AccessPasswords.md5Hex(typed);
        switch (action) {
            case "create" -> {
                long created = folderService.create(user.id(),
                        new FolderService.NewFolder(name, id, privacy, password)).folder().id();
                ctx.redirect("/account?folder=" + (id.isBlank() ? created : id), HttpStatus.SEE_OTHER);
            }
            case "save" -> {
                // A blank password keeps the old one; "remove" takes it away.
                Optional<String> newPassword = ctx.formParam("remove_password") != null ? Optional.of("")
                        : Optional.of(password).filter(p -> !p.isEmpty());
                folderService.edit(user.id(), id, new FolderService.FolderChanges(Optional.of(name).filter(n -> !n.isBlank()),
                        Optional.empty(), Optional.of(privacy).filter(p -> !p.isBlank()), newPassword));
                ctx.redirect("/account?folder=" + id, HttpStatus.SEE_OTHER);
            }
            case "delete" -> {
                Long parent = folders.activeOf(user.id()).stream().filter(f -> String.valueOf(f.id()).equals(id))
                        .map(Folder::parentId).filter(Objects::nonNull).findFirst().orElse(null);
                folderService.trash(user.id(), id);
                ctx.redirect(parent == null ? "/account" : "/account?folder=" + parent, HttpStatus.SEE_OTHER);
            }
            default -> throw Refusal.badInput("Please choose what to do with the folder.");
        }
    }

    /** A refused change (a bad name, a folder gone meanwhile) is shown on the error page, with nothing changed after it. */
    private void refusalsShown(Context ctx, Runnable action) {
        try {
            action.run();
        } catch (Refusal refusal) {
            errors.render(ctx, refusal.kind() == ErrorKind.NOT_FOUND ? 404 : 400, refusal.getMessage());
        }
    }
}
