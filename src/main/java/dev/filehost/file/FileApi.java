package dev.filehost.file;

import dev.filehost.account.User;
import dev.filehost.core.Refusal;
import dev.filehost.core.Wording;
import dev.filehost.http.ApiCall;
import dev.filehost.http.ApiParams;
import dev.filehost.http.ApiResult;
import dev.filehost.http.ApiRouter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** /file/info, edit, delete, move, copy and download. */
public final class FileApi {
    private final FileService files;
    private final FileViews views;
    private final DownloadTokens downloadTokens;
    private final FileLinks links;

    public FileApi(FileService files, FileViews views, DownloadTokens downloadTokens, FileLinks links) {
        this.files = files;
        this.views = views;
        this.downloadTokens = downloadTokens;
        this.links = links;
    }

    public void register(ApiRouter<User> router) {
        router.authenticated("file/info", this::info)
                .authenticated("file/edit", this::edit)
                .authenticated("file/delete", this::delete)
                .authenticated("file/move", this::move)
                .authenticated("file/copy", this::copy)
                .authenticated("file/download", this::download);
    }

    private ApiResult info(ApiCall<User> call) {
        return ApiResult.data(views.info(file(call, true)));
    }

    private ApiResult edit(ApiCall<User> call) {
        StoredFile file = file(call, false);
        ApiParams params = call.params();
        StoredFile edited = destinationIn("folder_id").around(() -> files.edit(file, params.get("filename").orElse(""),
                params.get("fileType").orElse(""), params.get("folder_id").orElse("")));
        return ApiResult.message("File successfully updated.").with("data", views.info(edited));
    }

    /** A file already in the trash answers as a fresh delete does, as in the original. */
    private ApiResult delete(ApiCall<User> call) {
        StoredFile trashed = files.trash(file(call, true));
        return ApiResult.message("File successfully set as deleted.").with("data", views.info(trashed));
    }

    private ApiResult move(ApiCall<User> call) {
        StoredFile file = file(call, false);
        String destination = call.params().requireSent("new_parent_folder_id");
        StoredFile moved = destinationIn("new_parent_folder_id").around(() -> files.move(file, destination));
        return ApiResult.message("File successfully moved.").with("data", views.info(moved));
    }

    private ApiResult copy(ApiCall<User> call) {
        StoredFile file = file(call, false);
        String destination = call.params().requireSent("copy_to_folder_id");
        StoredFile copy = destinationIn("copy_to_folder_id").around(() -> files.copy(file, destination));
        // The typo in "copyied" is part of the contract: clients compare it.
        return ApiResult.message("File successfully copyied.")
                .with("original_file", Map.of("data", views.info(file)))
                .with("new_file", Map.of("data", views.info(copy)));
    }

    private ApiResult download(ApiCall<User> call) {
        User user = call.caller();
        ApiParams params = call.params();
        StoredFile file = params.get("file_id").isPresent()
                ? files.owned(user.id(), params.get("file_id").get(), false)
                : files.ownedByShortUrl(user.id(),
                        params.get("short_url").orElseThrow(() -> Refusal.missingParam("file_id")));
        String token = downloadTokens.issue(file, user.id(), call.clientIp(), Duration.ZERO);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("file_id", Long.toString(file.id()));
        data.put("filename", file.name());
        data.put("download_url", links.download(file, token));
        return ApiResult.data(data);
    }

    private StoredFile file(ApiCall<User> call, boolean includeTrash) {
        String fileId = call.params().require("file_id");
        return files.owned(call.caller().id(), fileId, includeTrash);
    }

    /** A destination folder parameter's refusal names that parameter. */
    private static Wording destinationIn(String param) {
        return Wording.of(FolderLookup.Problem.DESTINATION_NOT_FOUND, FolderLookup.destinationNotFound(param));
    }
}
