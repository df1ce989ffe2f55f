package dev.filehost.web;

import dev.filehost.file.FileLinks;
import dev.filehost.file.FileRepository;
import dev.filehost.file.FileService;
import dev.filehost.file.ListedFile;
import dev.filehost.file.StorageQuota;
import dev.filehost.file.StoredFile;
import dev.filehost.folder.Folder;
import dev.filehost.folder.FolderLinks;
import dev.filehost.folder.FolderPrivacy;
import dev.filehost.http.ApiDates;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The file manager's page model: breadcrumbs, the folder tree, the sorted page of files, the quota. */
final class ManagerViews {
    private static final Comparator<String> BY_NAME = String.CASE_INSENSITIVE_ORDER;

    private final FileLinks fileLinks;
    private final FolderLinks folderLinks;
    private final ApiDates dates;
    private final Templates templates;

    ManagerViews(FileLinks fileLinks, FolderLinks folderLinks, ApiDates dates, Templates templates) {
        this.fileLinks = fileLinks;
        this.folderLinks = folderLinks;
        this.dates = dates;
        this.templates = templates;
    }

    record Crumb(String name, String url) {
    }

    record Crumbs(List<Crumb> items) {
    }

    record TreeNode(long id, String name, String url, int depth, boolean current, String label) {
    }

    record FolderRow(long id, String name, String url) {
    }

    record FileRow(long id, String name, String size, String date, long downloads, String pageUrl, String folder,
                   String previewUrl) {
    }

    /** The model of the rows' own template, rendered apart from the page. */
    record FileRows(List<FileRow> files, boolean trash) {
    }

    record Column(String label, String url, String ariaSort, String arrow, boolean numeric) {
    }

    record Privacy(int code, String label, boolean selected) {
    }

    record CurrentFolder(long id, String name, String publicUrl, List<Privacy> privacy, boolean hasPassword) {
    }

    record Usage(String used, String allowed, long percent, boolean limited) {
    }

    /** The quota, the one part of the page not built from the account's files and folders alone. */
    record Quota(Usage usage) {
    }

    /** Everything of the page built from the account's files and folders; the rows come rendered. */
    record ManagerPage(String heading, boolean trash, boolean search, String query, Crumbs crumbs,
                       List<TreeNode> tree, boolean atRoot, List<FolderRow> folders, String filesHtml,
                       List<Column> columns, String back, String prevUrl, String nextUrl, String pageLabel,
                       CurrentFolder current, String parentId, boolean empty) {
        /** About what the page takes in memory, for {@link dev.filehost.file.AccountViewCache}. */
        int bytes() {
            return filesHtml.length() + 128 * (tree.size() + folders.size()) + 2048;
        }
    }

    /** A page of files found by name or in the trash, sorted and cut here: there are at most a few hundred. */
    static FileService.ListingPage pageOf(List<StoredFile> found, ManagerQuery query) {
        List<ListedFile> sorted = found.stream().map(StoredFile::listed)
                .sorted(order(query.sort(), query.descending())).toList();
        int pages = Math.max(1, (sorted.size() + FileManagerRoutes.PAGE_SIZE - 1) / FileManagerRoutes.PAGE_SIZE);
        int page = Math.min(query.page(), pages);
        return new FileService.ListingPage(sorted.subList((page - 1) * FileManagerRoutes.PAGE_SIZE,
                Math.min(sorted.size(), page * FileManagerRoutes.PAGE_SIZE)), sorted.size(), page);
    }

    ManagerPage page(ManagerQuery query, List<Folder> all, Long folderId, List<Folder> subFolders,
                     FileService.ListingPage files) {
        Map<Long, Folder> byId = new HashMap<>();
        all.forEach(f -> byId.put(f.id(), f));
        int pages = Math.max(1, (files.total() + FileManagerRoutes.PAGE_SIZE - 1) / FileManagerRoutes.PAGE_SIZE);
        int page = files.page();
        List<FileRow> rows = files.files().stream()
                .map(file -> row(file, byId, query.isSearch() || query.isTrash())).toList();
        Folder current = folderId == null ? null : byId.get(folderId);
        String heading = query.isTrash() ? "Trash" : query.isSearch() ? "Files named like “" + query.search() + "”"
                : current == null ? "My files" : current.name();
        boolean inFolderView = !query.isTrash() && !query.isSearch();
        return new ManagerPage(heading, query.isTrash(), query.isSearch(), query.search(),
                inFolderView ? new Crumbs(crumbs(current, byId)) : null, tree(all, folderId), folderId == null,
                subFolders.stream().sorted(Comparator.comparing(Folder::name, BY_NAME))
                        .map(f -> new FolderRow(f.id(), f.name(), "/account?folder=" + f.id())).toList(),
                templates.fragment("manager_files", new FileRows(rows, query.isTrash())), columns(query), query.url(),
                page > 1 ? query.url(query.sort(), query.descending(), page - 1) : null,
                page < pages ? query.url(query.sort(), query.descending(), page + 1) : null,
                pages > 1 ? "Page " + page + " of " + pages : null,
                inFolderView && current != null ? currentFolder(current) : null,
                folderId == null ? "" : folderId.toString(), rows.isEmpty() && subFolders.isEmpty());
    }

    private FileRow row(ListedFile file, Map<Long, Folder> folders, boolean showFolder) {
        String folder = !showFolder ? null : file.folderId() == null || !folders.containsKey(file.folderId())
                ? "Home" : folders.get(file.folderId()).name();
        boolean image = file.mimeType() != null && file.mimeType().startsWith("image/") && file.isActive();
        return new FileRow(file.id(), file.name(), ByteSizes.human(file.size()), dates.format(file.createdAt()),
                file.downloads(), fileLinks.page(file), folder, image ? "/account/thumb/" + file.id() : null);
    }

    /** The order the database sorts a folder's page in ({@link FileRepository.ListingOrder}), for found files. */
    private static Comparator<ListedFile> order(String sort, boolean descending) {
        Comparator<ListedFile> by = switch (sort) {
            case "size" -> Comparator.comparingLong(ListedFile::size);
            case "date" -> Comparator.comparingLong(ListedFile::createdAt);
            case "downloads" -> Comparator.comparingLong(ListedFile::downloads);
            default -> Comparator.comparing(ListedFile::name, BY_NAME);
        };
        by = by.thenComparingLong(ListedFile::id);
        return descending ? by.reversed() : by;
    }

    private static List<Column> columns(ManagerQuery query) {
        List<Column> columns = new ArrayList<>();
        for (String sort : ManagerQuery.SORTS) {
            boolean active = sort.equals(query.sort());
            boolean nextDescending = active ? !query.descending() : !sort.equals("name");
            String label = Character.toUpperCase(sort.charAt(0)) + sort.substring(1);
            columns.add(new Column(label, query.url(sort, nextDescending, 1),
                    active ? (query.descending() ? "descending" : "ascending") : "none",
                    active ? (query.descending() ? "↓" : "↑") : "", !sort.equals("name") && !sort.equals("date")));
        }
        return columns;
    }

    private static List<Crumb> crumbs(Folder current, Map<Long, Folder> byId) {
        List<Crumb> crumbs = new ArrayList<>();
        for (Folder f = current; f != null; f = f.parentId() == null ? null : byId.get(f.parentId())) {
            crumbs.add(0, new Crumb(f.name(), "/account?folder=" + f.id()));
        }
        crumbs.add(0, new Crumb("Home", "/account"));
        return crumbs;
    }

    /** Every folder in tree order, each with its depth, for the tree and for the move and copy targets. */
    private static List<TreeNode> tree(List<Folder> all, Long currentId) {
        Map<Long, List<Folder>> children = new HashMap<>();
        for (Folder f : all) {
            children.computeIfAbsent(f.parentId() == null ? 0L : f.parentId(), k -> new ArrayList<>()).add(f);
        }
        List<TreeNode> nodes = new ArrayList<>();
        addChildren(0L, 1, children, currentId, nodes);
        return nodes;
    }

    private static void addChildren(long parent, int depth, Map<Long, List<Folder>> children, Long currentId,
                                    List<TreeNode> nodes) {
        for (Folder f : children.getOrDefault(parent, List.of())) {
            nodes.add(new TreeNode(f.id(), f.name(), "/account?folder=" + f.id(), depth,
                    Objects.equals(f.id(), currentId), "\u00a0\u00a0".repeat(depth - 1) + f.name()));
            addChildren(f.id(), depth + 1, children, currentId, nodes);
        }
    }

    private CurrentFolder currentFolder(Folder folder) {
        List<Privacy> privacy = List.of(
                new Privacy(FolderPrivacy.PRIVATE.code(), "Private: only you", folder.privacy() == FolderPrivacy.PRIVATE),
                new Privacy(FolderPrivacy.UNLISTED.code(), "Unlisted: anyone with the link",
                        folder.privacy() == FolderPrivacy.UNLISTED),
                new Privacy(FolderPrivacy.PUBLIC.code(), "Public", folder.privacy() == FolderPrivacy.PUBLIC));
        return new CurrentFolder(folder.id(), folder.name(), folderLinks.page(folder), privacy, folder.hasPassword());
    }

    static Quota quota(StorageQuota.Usage usage) {
        boolean limited = usage.allowedBytes() > 0;
        long percent = limited ? Math.min(100, usage.usedBytes() * 100 / usage.allowedBytes()) : 0;
        return new Quota(new Usage(ByteSizes.human(usage.usedBytes()),
                AccountSettingsRoutes.bytesOrUnlimited(usage.allowedBytes()), percent, limited));
    }
}
