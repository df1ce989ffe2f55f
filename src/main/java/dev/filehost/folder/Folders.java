package dev.filehost.folder;

import dev.filehost.core.Refusal;
import dev.filehost.file.FolderLookup;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The one place that decides whether a folder parameter names one of the caller's folders. */
public final class Folders implements FolderLookup {
    /** The refusal of a folder_id that names none of the caller's folders, whatever the endpoint. */
    static final String FOLDER_NOT_FOUND = "Could not find folder based on folder_id.";

    private final FolderRepository repository;
    private final Clock clock;

    public Folders(FolderRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Override
    public Long ownedTarget(long userId, String raw) {
        return resolve(userId, raw, true).orElseThrow(() -> Refusal.because(Problem.DESTINATION_NOT_FOUND)).id();
    }

    /** The caller's folder (null: the root), trashed ones included: their owner may still look into them. */
    public Long ownedOrTrashedOrRoot(long userId, String raw) {
        return resolve(userId, raw, false).orElseThrow(Folders::notFound).id();
    }

    /** The caller's active folder itself: the root is no answer. */
    public long owned(long userId, String raw) {
        return notRoot(resolve(userId, raw, true).orElseThrow(Folders::notFound).id());
    }

    /** The caller's folder itself, active or trashed. */
    public long ownedOrTrashed(long userId, String raw) {
        return notRoot(ownedOrTrashedOrRoot(userId, raw));
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

    /** The folder reference, when it is the root or one of the user's folders. */
    private Optional<FolderRef> resolve(long userId, String raw, boolean activeOnly) {
        return FolderRef.parse(raw).filter(ref -> ref.isRoot() || repository.isOwnedBy(ref.id(), userId, activeOnly));
    }

    private static long notRoot(Long id) {
        if (id == null) {
            throw notFound();
        }
        return id;
    }

    private static Refusal notFound() {
        return Refusal.notFound(FOLDER_NOT_FOUND);
    }
}
