package dev.filehost.folder;

import dev.filehost.core.Refusal;
import dev.filehost.file.FolderLookup;
import java.time.Clock;
import java.util.List;

/** The one place that decides whether a folder parameter names one of the caller's folders. */
public final class Folders implements FolderLookup {
    private final FolderRepository repository;
    private final Clock clock;

    public Folders(FolderRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Override
    public Long ownedTarget(long userId, String raw, String notFoundMessage) {
        return resolve(userId, raw, notFoundMessage, true);
    }

    /** As {@link #ownedTarget}, trashed folders included: their owner may still look into them. */
    public Long ownedTargetOrTrashed(long userId, String raw, String notFoundMessage) {
        return resolve(userId, raw, notFoundMessage, false);
    }

    /** The caller's active folder itself: as {@link #ownedTarget}, but the root is no answer. */
    public long owned(long userId, String raw, String notFoundMessage) {
        return notRoot(ownedTarget(userId, raw, notFoundMessage), notFoundMessage);
    }

    /** The caller's folder itself, active or trashed. */
    public long ownedOrTrashed(long userId, String raw, String notFoundMessage) {
        return notRoot(ownedTargetOrTrashed(userId, raw, notFoundMessage), notFoundMessage);
    }

    /** All the user's folders outside the trash, by name. */
    public List<Folder> activeOf(long userId) {
        return repository.listActive(userId);
    }

    @Override
    public boolean isActiveFolderOf(long userId, long folderId) {
        return repository.isOwnedBy(folderId, userId, true);
    }

    @Override
    public void fileArrivedIn(Long folderId) {
        if (folderId != null) {
            repository.touchWithAncestors(folderId, clock.millis());
        }
    }

    /** A file's public pages follow its folder's effective privacy; the root is unlisted. */
    @Override
    public boolean hidesFilesIn(Long folderId) {
        return (folderId == null ? FolderPrivacy.ROOT : FolderPrivacy.effective(repository.chain(folderId)))
                == FolderPrivacy.PRIVATE;
    }

    private Long resolve(long userId, String raw, String notFoundMessage, boolean activeOnly) {
        FolderRef ref = FolderRef.parse(raw).orElseThrow(() -> Refusal.notFound(notFoundMessage));
        if (!ref.isRoot() && !repository.isOwnedBy(ref.id(), userId, activeOnly)) {
            throw Refusal.notFound(notFoundMessage);
        }
        return ref.id();
    }

    private static long notRoot(Long id, String notFoundMessage) {
        if (id == null) {
            throw Refusal.notFound(notFoundMessage);
        }
        return id;
    }
}
