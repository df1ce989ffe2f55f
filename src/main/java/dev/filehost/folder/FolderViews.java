package dev.filehost.folder;

import dev.filehost.http.ApiDates;
import java.util.LinkedHashMap;
import java.util.Map;

/** Folders as the API shows them: ids and sizes strings, the three counts JSON numbers. */
public final class FolderViews {
    private final FolderLinks links;
    private final ApiDates dates;

    public FolderViews(FolderLinks links, ApiDates dates) {
        this.links = links;
        this.dates = dates;
    }

    /** The object of /folder/listing, which adds urlHash. */
    public Map<String, Object> listed(FolderSummary summary) {
        return view(summary, false);
    }

    /** The object of /folder/info, create, edit and move, which adds accessPassword. */
    public Map<String, Object> detailed(FolderSummary summary) {
        return view(summary, true);
    }

    /** {@code detailed}: with accessPassword, else with urlHash, as the original answers each. */
    private Map<String, Object> view(FolderSummary summary, boolean detailed) {
        Folder folder = summary.folder();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", Long.toString(folder.id()));
        data.put("parentId", folder.parentId() == null ? null : Long.toString(folder.parentId()));
        data.put("folderName", folder.name());
        data.put("totalSize", Long.toString(summary.totalSize()));
        data.put("isPublic", Integer.toString(folder.privacy().code()));
        if (detailed) {
            data.put("accessPassword", folder.accessPassword());
        }
        data.put("status", folder.status());
        data.put("date_added", dates.format(folder.createdAt()));
        data.put("date_updated", dates.format(folder.updatedAt()));
        data.put("url_folder", links.page(folder));
        if (!detailed) {
            data.put("urlHash", folder.urlHash());
        }
        data.put("total_downloads", summary.totalDownloads());
        data.put("child_folder_count", summary.childFolderCount());
        data.put("file_count", summary.fileCount());
        return data;
    }
}
