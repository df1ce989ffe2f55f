package dev.filehost.file;

import dev.filehost.account.Packages;
import dev.filehost.account.User;
import dev.filehost.core.Refusal;
import dev.filehost.http.ApiParams;
import dev.filehost.http.ApiResult;
import dev.filehost.http.ApiRouter;
import dev.filehost.http.MultipartFields;
import dev.filehost.http.StreamingCall;
import dev.filehost.http.multipart.Part;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * /file/upload: the multipart body streams part by part; the file part goes straight into
 * storage once the fields before it have signed the caller in.
 */
public final class UploadApi {
    static final String FILE_FIELD = "upload_file";
    static final String FOLDER_NOT_FOUND = FolderLookup.destinationNotFound("folder_id");

    private final UploadService uploads;
    private final Packages packages;
    private final FolderLookup folders;
    private final FileRepository files;
    private final FileViews views;
    private final MultipartFields multipart;

    public UploadApi(UploadService uploads, Packages packages, FolderLookup folders, FileRepository files,
                     FileViews views, MultipartFields multipart) {
        this.uploads = uploads;
        this.packages = packages;
        this.folders = folders;
        this.files = files;
        this.views = views;
        this.multipart = multipart;
    }

    public void register(ApiRouter<User> router) {
        router.streaming("file/upload", this::upload);
    }

    private ApiResult upload(StreamingCall<User> call) throws IOException {
        Map<String, String> fields = new HashMap<>(call.query().asMap());
        StoredFile[] uploaded = new StoredFile[1];
        if (MultipartFields.isMultipart(call.contentType())) {
            multipart.stream(call.contentType(), call.body(), fields, (part, fieldsSoFar) -> {
                if (FILE_FIELD.equals(part.name()) && uploaded[0] == null) {
                    uploaded[0] = store(call, part, new ApiParams(fieldsSoFar));
                }
            });
        }
        ApiParams params = new ApiParams(fields);
        User user = call.signIn().apply(params);
        if (uploaded[0] == null) {
            throw Refusal.badInput(UploadRules.NO_FILE);
        }
        StoredFile file = placeInFolderSentAfterTheFile(uploaded[0], user, params);
        folders.fileArrivedIn(file.folderId());
        return ApiResult.message("File uploaded")
                .with("data", List.of(views.uploaded(file, files.md5Of(file.blobSha256()).orElseThrow())));
    }

    private StoredFile store(StreamingCall<User> call, Part part, ApiParams fieldsSoFar) throws IOException {
        User user = call.signIn().apply(fieldsSoFar);
        Long folderId = fieldsSoFar.isPresent("folder_id")
                ? folders.ownedTarget(user.id(), fieldsSoFar.get("folder_id").orElse(""), FOLDER_NOT_FOUND)
                : null;
        UploadService.Upload upload = new UploadService.Upload(user, packages.of(user), part.filename(), folderId,
                call.clientIp(), "api", MultipartFields.fileSizeAtLeast(call.contentLength()));
        try (TransferSlots.Slot slot = uploads.uploadSlot(upload)) {
            return uploads.store(upload, part.body());
        }
    }

    /** Clients may send folder_id after the file; the file then moves there, or goes if it is not theirs. */
    private StoredFile placeInFolderSentAfterTheFile(StoredFile file, User user, ApiParams params) {
        if (!params.isPresent("folder_id") || file.folderId() != null) {
            return file;
        }
        try {
            Long folderId = folders.ownedTarget(user.id(), params.get("folder_id").orElse(""), FOLDER_NOT_FOUND);
            return folderId == null ? file : files.update(file, file.name(), file.mimeType(), folderId,
                    FileRepository.Naming.FREE_IN_FOLDER);
        } catch (Refusal e) {
            files.deleteRow(file.id());
            throw e;
        }
    }
}
