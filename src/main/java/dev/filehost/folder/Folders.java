package dev.filehost.folder;

import dev.filehost.http.ApiException;

/** The one place that decides whether a folder parameter names one of the caller's folders. */
public final class Folders {
    private final FolderRepository repository;

    public Folders(FolderRepository repository) {
        this.repository = repository;
    }

    /** The message for a destination folder parameter that names none of the caller's folders. */
    public static String destinationNotFound(String param) {
        return "Could not find the destination folder id defined by " + param + ".";
    }

    /** The caller's folder id (null for the root), or the envelope error {@code notFoundMessage}. */
    public Long ownedTarget(long userId, String raw, String notFoundMessage) {
        FolderRef ref = FolderRef.parse(raw).orElseThrow(() -> ApiException.notFound(notFoundMessage));
        if (!ref.isRoot() && !repository.isActiveAndOwnedBy(ref.id(), userId)) {
            throw ApiException.notFound(notFoundMessage);
        }
        return ref.id();
    }

    /** The caller's folder itself: as {@link #ownedTarget}, but the root is no answer. */
    public long owned(long userId, String raw, String notFoundMessage) {
        Long id = ownedTarget(userId, raw, notFoundMessage);
        if (id == null) {
            throw ApiException.notFound(notFoundMessage);
        }
        return id;
    }

    /** The privacy governing a file's public pages: its folder's effective privacy, or unlisted for the root. */
    public int privacyOfFileIn(Long folderId) {
        return (folderId == null ? FolderPrivacy.ROOT : FolderPrivacy.effective(repository.chain(folderId))).code();
    }
}
