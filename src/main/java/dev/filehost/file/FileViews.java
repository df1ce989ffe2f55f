package dev.filehost.file;

import com.fasterxml.jackson.databind.JsonSerializable;
import dev.filehost.http.ApiDates;
import dev.filehost.http.Html;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Files as the API shows them: every id, size and count a string. */
public final class FileViews {
    private final FileLinks links;
    private final ApiDates dates;
    private final String siteName;

    public FileViews(FileLinks links, ApiDates dates, String siteName) {
        this.links = links;
        this.dates = dates;
        this.siteName = siteName;
    }

    /** The object of /file/info, /file/edit, /file/move, /file/copy and /file/delete. */
    public Map<String, Object> info(StoredFile file) {
        Map<String, Object> data = identity(file);
        data.put("uploadedIP", file.uploadedIp());
        data.put("uploadedDate", dates.format(file.createdAt()));
        data.put("status", file.status().value());
        data.put("file_status", file.status().value());
        data.put("downloads", Long.toString(file.downloads()));
        data.put("lastAccessed", dates.format(file.lastAccessedAt()));
        data.put("folderId", folderId(file.folderId()));
        data.put("keywords", FileNames.keywords(file.name()));
        // The file's own flag, as the original reports it; its pages still follow the folders above it.
        data.put("isPublic", Integer.toString(file.ownPrivacy()));
        data.put("uploadSource", file.uploadSource());
        data.put("description", file.description());
        data.put("url_file", links.page(file));
        // The public info page: this object is no proof of ownership, unlike the upload answer.
        data.put("url_file_info", links.info(file));
        data.put("url_file_stats", links.stats(file));
        data.put("url_file_delete", links.delete(file));
        return data;
    }

    /** The files array of a folder listing: the shorter object of each file. */
    public JsonSerializable listed(List<ListedFile> files) {
        return new ListedFilesJson(files, links);
    }

    /** The object in the data array of /file/upload. */
    public Map<String, Object> uploaded(StoredFile file, String md5) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", file.name());
        data.put("size", Long.toString(file.size()));
        data.put("type", file.mimeType());
        data.put("error", null);
        data.put("url", links.page(file));
        data.put("delete_url", links.delete(file));
        data.put("info_url", links.ownerInfo(file));
        data.put("delete_type", "DELETE");
        data.put("delete_hash", file.deleteHash());
        data.put("hash", md5);
        data.put("stats_url", links.stats(file));
        data.put("short_url", file.shortUrl());
        data.put("file_id", Long.toString(file.id()));
        data.put("unique_hash", file.uniqueHash());
        data.put("url_html", Html.escape("<a href=\"" + links.longPage(file) + "\" target=\"_blank\" title=\"View image on "
                + siteName + "\">view " + file.name() + " on " + siteName + "</a>"));
        data.put("url_bbcode", "[url]" + links.page(file) + "[/url]");
        data.put("success_result_html", Previews.offered(file) ? links.preview(file) : "");
        return data;
    }

    /** The keys both file objects begin with. */
    private static Map<String, Object> identity(StoredFile file) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", Long.toString(file.id()));
        data.put("filename", file.name());
        data.put("shortUrl", file.shortUrl());
        data.put("fileType", file.mimeType());
        data.put("extension", file.extension());
        data.put("fileSize", Long.toString(file.size()));
        return data;
    }

    private static String folderId(Long folderId) {
        return folderId == null ? null : Long.toString(folderId);
    }
}
