package dev.filehost.folder;

import dev.filehost.http.ApiException;

/** The one place that decides whether a folder parameter names one of the caller's folders. */
public final class Folders {
    private final FolderRepository repository;

    public Folders(FolderRepository repository) {
        this.repository = repository;
    }

    /** The caller's folder id (null for the root), or the envelope error {@code notFoundMessage}. */
    public Long ownedTarget(long userId, String raw, String notFoundMessage) {
        FolderRef ref = FolderRef.parse(raw).orElseThrow(() -> ApiException.notFound(notFoundMessage));
        if (!ref.isRoot() && !repository.isActiveAndOwnedBy(ref.id(), userId)) {
            throw ApiException.notFound(notFoundMessage);
        }
        return ref.id();
    }

    /** The privacy governing a file's public pages: its folder's, or unlisted for the root. */
    public int privacyOfFileIn(Long folderId) {
        return folderId == null ? 1 : repository.privacyOf(folderId);
    }
}
