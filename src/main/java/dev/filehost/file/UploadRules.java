package dev.filehost.file;

import dev.filehost.core.ErrorKind;
import dev.filehost.core.Refusal;

/** The texts of upload refusals. */
public final class UploadRules {
    public static final String NO_FILE = "Did not receive uploaded file.";
    public static final String EMPTY_FILE = "Filesize received was zero.";
    public static final String UPLOADS_DISABLED = "Uploading is currently disabled on this site.";
    public static final String CANNOT_UPLOAD = "Your account level does not allow uploads.";
    public static final String TOO_LARGE = "The file is too large. The maximum upload size for your account is %d bytes.";
    public static final String QUOTA_FULL = "There is not enough free storage in your account for this file.";
    public static final String TYPE_NOT_ALLOWED = "Files of type '%s' are not allowed for your account.";
    public static final String TOO_MANY_UPLOADS =
            "You have too many uploads in progress. Please wait for one to finish and try again.";

    private UploadRules() {
    }

    /** An upload (or copy) the caller's account or the site does not allow. */
    public static Refusal refusal(String message) {
        return new Refusal(ErrorKind.FORBIDDEN, message);
    }
}
