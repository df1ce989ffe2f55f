package dev.filehost.folder;

import com.fasterxml.jackson.core.io.SerializedString;
import dev.filehost.account.User;
import dev.filehost.core.Refusal;
import dev.filehost.core.Wording;
import dev.filehost.file.AccountViewCache;
import dev.filehost.file.FileViews;
import dev.filehost.file.FolderLookup;
import dev.filehost.http.ApiCall;
import dev.filehost.http.ApiParams;
import dev.filehost.http.ApiResult;
import dev.filehost.http.ApiRouter;
import dev.filehost.http.Envelope;
import java.util.LinkedHashMap;
import java.util.Map;

/** /folder/create, listing, info, edit, delete and move. */
public final class FolderApi {
    private final FolderService folders;
    private final FolderViews views;
    private final FileViews fileViews;
    private final Envelope envelope;
    /** A listing's data as JSON, by the parent_folder_id it was asked with. */
    private final AccountViewCache<String, SerializedString> listings;

    public FolderApi(FolderService folders, FolderViews views, FileViews fileViews, Envelope envelope,
                     AccountViewCache<String, SerializedString> listings) {
        this.folders = folders;
        this.views = views;
        this.fileViews = fileViews;
        this.envelope = envelope;
        this.listings = listings;
    }

    public void register(ApiRouter<User> router) {
        router.authenticated("folder/create", this::create)
                .authenticated("folder/listing", this::listing)
                .authenticated("folder/info", this::info)
                .authenticated("folder/edit", this::edit)
                .authenticated("folder/delete", this::delete)
                .authenticated("folder/move", this::move);
    }

    private ApiResult create(ApiCall<User> call) {
        ApiParams params = call.params();
        FolderService.NewFolder request = new FolderService.NewFolder(params.require("folder_name"),
                params.get("parent_id").orElse(""), params.get("is_public").orElse(""),
                params.get("access_password").orElse(""));
        FolderSummary created = parentIn("parent_id").around(() -> folders.create(call.caller().id(), request));
        return ApiResult.message("Folder successfully created.").with("data", views.detailed(created));
    }

    private ApiResult listing(ApiCall<User> call) {
        long userId = call.caller().id();
        String folderId = call.params().get("parent_folder_id").orElse("");
        return ApiResult.data(Envelope.asWritten(listings.get(userId, folderId, () -> listingJson(userId, folderId))));
    }

    private SerializedString listingJson(long userId, String folderId) {
        FolderListing listing = folders.listing(userId, folderId);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("folders", listing.folders().stream().map(views::listed).toList());
        data.put("files", fileViews.listed(listing.files()));
        return envelope.prewritten(data);
    }

    /** The seed names the parameter parent_folder_id, the contract folder_id: both are read. */
    private ApiResult info(ApiCall<User> call) {
        ApiParams params = call.params();
        String folderId = params.get("folder_id").or(() -> params.get("parent_folder_id"))
                .orElseThrow(() -> Refusal.missingParam("folder_id"));
        return ApiResult.data(views.detailed(folders.info(call.caller().id(), folderId)));
    }

    private ApiResult edit(ApiCall<User> call) {
        ApiParams params = call.params();
        String folderId = folderId(params);
        FolderService.FolderChanges changes = new FolderService.FolderChanges(params.get("folder_name"),
                params.get("parent_id"), params.get("is_public"), params.get("access_password"));
        FolderSummary edited = parentIn("parent_id").around(() -> folders.edit(call.caller().id(), folderId, changes));
        return ApiResult.message("Folder successfully updated.").with("data", views.detailed(edited));
    }

    private ApiResult delete(ApiCall<User> call) {
        folders.trash(call.caller().id(), folderId(call.params()));
        return ApiResult.message("Folder successfully set as deleted.");
    }

    private ApiResult move(ApiCall<User> call) {
        ApiParams params = call.params();
        String folderId = folderId(params);
        String parentId = params.requireSent("new_parent_folder_id");
        FolderSummary moved = parentIn("new_parent_folder_id")
                .around(() -> folders.move(call.caller().id(), folderId, parentId));
        return ApiResult.message("Folder successfully moved.").with("data", views.detailed(moved));
    }

    /** The refusals of a new parent name the parameter that gave it. */
    private static Wording parentIn(String param) {
        return Wording.of(FolderLookup.Problem.DESTINATION_NOT_FOUND, FolderLookup.destinationNotFound(param))
                .and(FolderService.Problem.PARENT_IS_THE_FOLDER, "Param folder_id can not match " + param + ".")
                .and(FolderService.Problem.PARENT_BELOW_THE_FOLDER,
                        "Param " + param + " can not be a sub-folder of folder_id.");
    }

    private static String folderId(ApiParams params) {
        return params.require("folder_id");
    }
}
