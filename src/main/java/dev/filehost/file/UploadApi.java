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
import java.util.List;
import java.util.Optional;

/**
 * /file/upload: reads the parameters around the streaming file part, hands both to
 * {@link UploadService#receive} and answers the new file. The fields may come in any order.
 */
public final class UploadApi {
    static final String FILE_FIELD = "upload_file";
    static final String FOLDER_NOT_FOUND = FolderLookup.destinationNotFound("folder_id");

    private final UploadService uploads;
    private final Packages packages;
    private final FolderLookup folders;
    private final FileViews views;

    public UploadApi(UploadService uploads, Packages packages, FolderLookup folders, FileViews views) {
        this.uploads = uploads;
        this.packages = packages;
        this.folders = folders;
        this.views = views;
    }

    public void register(ApiRouter<User> router) {
        router.streaming("file/upload", FILE_FIELD, this::upload);
    }

    private ApiResult upload(StreamingCall<User> call) throws IOException {
        Part part = call.file().orElse(null);
        if (part == null) {
            call.finish();
            throw Refusal.badInput(UploadRules.NO_FILE);
        }
        UploadService.Received received = uploads.receive(part.body(), new FormSender(call, part));
        return ApiResult.message("File uploaded")
                .with("data", List.of(views.uploaded(received.file(), received.md5())));
    }

    /** The uploader as the form names it: signed in before the file, or once the body has ended. */
    private final class FormSender implements UploadService.Sender {
        private final StreamingCall<User> call;
        private final Part part;

        FormSender(StreamingCall<User> call, Part part) {
            this.call = call;
            this.part = part;
        }

        @Override
        public UploadSource source() {
            return UploadSource.API;
        }

        @Override
        public Optional<UploadService.Upload> beforeTheBytes() {
            return call.callerBeforeTheFile().map(user -> uploadOf(user, call.params()));
        }

        @Override
        public UploadService.Upload afterTheBytes() throws IOException {
            StreamingCall.Signed<User> signed = call.finish();
            return uploadOf(signed.caller(), signed.params());
        }

        private UploadService.Upload uploadOf(User user, ApiParams params) {
            Long folderId = params.isPresent("folder_id")
                    ? folders.ownedTarget(user.id(), params.get("folder_id").orElse(""), FOLDER_NOT_FOUND)
                    : null;
            return new UploadService.Upload(user, packages.of(user), part.filename(), folderId, call.clientIp(),
                    UploadSource.API, MultipartFields.fileSizeAtLeast(call.contentLength()));
        }
    }
}
