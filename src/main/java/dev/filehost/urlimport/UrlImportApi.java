package dev.filehost.urlimport;

import dev.filehost.account.User;
import dev.filehost.file.FileLinks;
import dev.filehost.file.FileRepository;
import dev.filehost.file.StoredFile;
import dev.filehost.folder.Folders;
import dev.filehost.http.ApiCall;
import dev.filehost.http.ApiDates;
import dev.filehost.http.ApiResult;
import dev.filehost.http.ApiRouter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** /file/url_upload_add and /file/url_upload_status; their ids and sizes are JSON numbers, as in the seed. */
public final class UrlImportApi {
    static final String FOLDER_NOT_FOUND = "Could not find the destination folder id defined by folder_id.";

    private final ImportService imports;
    private final Folders folders;
    private final FileRepository files;
    private final FileLinks links;
    private final ApiDates dates;

    public UrlImportApi(ImportService imports, Folders folders, FileRepository files, FileLinks links, ApiDates dates) {
        this.imports = imports;
        this.folders = folders;
        this.files = files;
        this.links = links;
        this.dates = dates;
    }

    public void register(ApiRouter<User> router) {
        router.authenticated("file/url_upload_add", this::add).authenticated("file/url_upload_status", this::status);
    }

    private ApiResult add(ApiCall<User> call) {
        String encoded = call.params().require("file_url_base64");
        Long folderId = folders.ownedTarget(call.caller().id(), call.params().get("folder_id").orElse(""),
                FOLDER_NOT_FOUND);
        ImportItem item = imports.add(call.caller().id(), folderId, encoded, call.clientIp());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("scheduled_item_id", item.id());
        data.put("url", item.url());
        return ApiResult.message("File download from URL scheduled").with("data", data);
    }

    private ApiResult status(ApiCall<User> call) {
        String rawId = call.params().require("scheduled_item_id");
        ImportItem item = imports.owned(call.caller().id(), rawId);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("scheduled_item_id", item.id());
        data.put("url", item.url());
        data.put("status", item.status().value());
        data.put("created", dates.format(item.createdAt()));
        data.put("started", dates.format(item.startedAt()));
        data.put("finished", dates.format(item.finishedAt()));
        data.put("total_size", item.totalSize());
        data.put("downloaded_size", item.downloadedSize());
        data.put("notes", item.notes());
        downloadedFile(item).ifPresent(file -> data.put("downloaded_file", file));
        return ApiResult.message("Scheduled URL file download found").with("data", data);
    }

    private Optional<Map<String, Object>> downloadedFile(ImportItem item) {
        if (item.status() != ImportStatus.COMPLETE || item.fileId() == null) {
            return Optional.empty();
        }
        return files.findById(item.fileId()).map(this::fileObject);
    }

    private Map<String, Object> fileObject(StoredFile file) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("file_id", file.id());
        object.put("name", file.name());
        object.put("size", file.size());
        object.put("url", links.longPage(file));
        return object;
    }
}
