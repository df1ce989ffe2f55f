package dev.filehost.folder;

import dev.filehost.core.Ids;
import java.util.List;

/** Who may open a folder's public page: nobody (0), anyone with the link (1), or anyone (2). */
public enum FolderPrivacy {
    PRIVATE(0), UNLISTED(1), PUBLIC(2);

    /** Files outside any folder: reachable by their link, listed nowhere. */
    static final FolderPrivacy ROOT = UNLISTED;

    private final int code;

    FolderPrivacy(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** A client's is_public; anything but 0, 1 or 2 falls back to private, as the contract says. */
    public static FolderPrivacy parse(String raw) {
        return Ids.parse(raw).map(FolderPrivacy::ofCode).orElse(PRIVATE);
    }

    static FolderPrivacy ofCode(long code) {
        for (FolderPrivacy privacy : values()) {
            if (privacy.code == code) {
                return privacy;
            }
        }
        return PRIVATE;
    }

    /**
     * The privacy that governs a folder and its files: the strictest of the folder and its
     * ancestors, so that making a folder private hides everything below it; a folder in the
     * trash, or below one, is private, and so is a folder that does not exist (an empty chain).
     */
    static FolderPrivacy effective(List<Folder> chain) {
        FolderPrivacy strictest = chain.isEmpty() ? PRIVATE : PUBLIC;
        for (Folder folder : chain) {
            FolderPrivacy own = folder.trashed() ? PRIVATE : folder.privacy();
            if (own.code < strictest.code) {
                strictest = own;
            }
        }
        return strictest;
    }
}
