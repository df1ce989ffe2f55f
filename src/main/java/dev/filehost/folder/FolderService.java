package dev.filehost.folder;

import dev.filehost.core.ErrorKind;
import dev.filehost.core.Refusal;
import dev.filehost.file.FileRepository;
import dev.filehost.file.ListedFile;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The rules of /folder/create, listing, info, edit, move and delete. */
public final class FolderService {
    /** Why a new parent was refused; the API words it for the parameter that named the parent. */
    public enum Problem implements Refusal.Reason {
        PARENT_IS_THE_FOLDER("A folder cannot be its own parent."),
        PARENT_BELOW_THE_FOLDER("A folder cannot move below itself.");

        private final String text;

        Problem(String text) {
            this.text = text;
        }

        @Override
        public ErrorKind kind() {
            return ErrorKind.BAD_INPUT;
        }

        @Override
        public String text() {
            return text;
        }
    }

    /** Case-insensitive first, the same on SQLite and PostgreSQL whatever their collations. */
    private static final Comparator<String> BY_NAME =
            String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder());

    private final FolderRepository repository;
    private final Folders folders;
    private final FileRepository files;
    private final Clock clock;

    public FolderService(FolderRepository repository, Folders folders, FileRepository files, Clock clock) {
        this.repository = repository;
        this.folders = folders;
        this.files = files;
        this.clock = clock;
    }

    /** What /folder/create asks for; blank values are absent ones. */
    public record NewFolder(String name, String parentId, String privacy, String accessPassword) {
    }

    /** What /folder/edit may change; an empty value keeps the old one. */
    public record FolderChanges(Optional<String> name, Optional<String> parentId, Optional<String> privacy,
                                Optional<String> accessPassword) {
    }

    public FolderSummary create(long userId, NewFolder request) {
        String name = FolderNames.checked(request.name());
        FolderPrivacy privacy = FolderPrivacy.parse(request.privacy());
        String password = passwordOrNone(request.accessPassword());
        return repository.inLockedTree(userId, () -> {
            Long parentId = folders.ownedTarget(userId, request.parentId());
            long id = repository.insert(userId, parentId, name, privacy, password, clock.millis());
            return repository.summary(userId, id).orElseThrow();
        });
    }

    /**
     * The owner's view of a folder, trashed or not: its sub-folders and files, trashed ones
     * included (each says its status), as in the original; blank, "0" or "null" is the root.
     */
    public FolderListing listing(long userId, String rawFolderId) {
        return repository.onOneConnection(() -> listing(userId, folders.ownedOrTrashedOrRoot(userId, rawFolderId), true));
    }

    /** The listing of a folder already known to be the user's (null: the root). */
    public FolderListing listing(long userId, Long folderId, boolean withTrash) {
        List<FolderSummary> subFolders = repository.summariesIn(userId, folderId).stream()
                .filter(summary -> withTrash || !summary.folder().trashed())
                .sorted(Comparator.comparing((FolderSummary s) -> s.folder().name(), BY_NAME)
                        .thenComparingLong(s -> s.folder().id()))
                .toList();
        List<ListedFile> folderFiles = files.listInFolder(userId, folderId, withTrash).stream()
                .sorted(Comparator.comparing(ListedFile::name, BY_NAME).thenComparingLong(ListedFile::id))
                .toList();
        return new FolderListing(subFolders, folderFiles);
    }

    /** Trashed folders answer too, with their status, as in the original. */
    public FolderSummary info(long userId, String rawFolderId) {
        return repository.summary(userId, folders.ownedOrTrashed(userId, rawFolderId)).orElseThrow();
    }

    public FolderSummary edit(long userId, String rawFolderId, FolderChanges changes) {
        return repository.inLockedTree(userId, () -> {
            Folder folder = repository.find(folders.owned(userId, rawFolderId)).orElseThrow();
            String name = changes.name().map(FolderNames::checked).orElse(folder.name());
            Long parentId = changes.parentId().isPresent()
                    ? newParent(folder, changes.parentId().get()) : folder.parentId();
            FolderPrivacy privacy = changes.privacy().map(FolderPrivacy::parse).orElse(folder.privacy());
            String password = changes.accessPassword().isPresent()
                    ? passwordOrNone(changes.accessPassword().get()) : folder.accessPassword();
            if (folder.differsFrom(name, parentId, privacy, password)) {
                repository.update(folder.withChanges(name, parentId, privacy, password, clock.millis()));
            }
            return repository.summary(userId, folder.id()).orElseThrow();
        });
    }

    public FolderSummary move(long userId, String rawFolderId, String rawParentId) {
        return repository.inLockedTree(userId, () -> {
            Folder folder = repository.find(folders.owned(userId, rawFolderId)).orElseThrow();
            Long parentId = newParent(folder, rawParentId);
            repository.update(folder.withChanges(folder.name(), parentId, folder.privacy(), folder.accessPassword(),
                    clock.millis()));
            return repository.summary(userId, folder.id()).orElseThrow();
        });
    }

    /** The folder, its sub-folders and all their files go to the trash together. */
    public void trash(long userId, String rawFolderId) {
        repository.inLockedTree(userId, () -> {
            long folderId = folders.owned(userId, rawFolderId);
            long now = clock.millis();
            files.trashInFolders(userId, repository.subtree(userId, folderId), now);
            repository.trashTree(userId, folderId, now);
            return null;
        });
    }

    /** The account is being deleted: all its folders and files go to the trash together. */
    public void trashEverythingOf(long userId) {
        repository.inLockedTree(userId, () -> {
            long now = clock.millis();
            files.trashAllOf(userId, now);
            repository.trashAllOf(userId, now);
            return null;
        });
    }

    /** The caller's folder a folder may move into: never the folder itself nor anything below it. */
    private Long newParent(Folder folder, String rawParentId) {
        Long parentId = folders.ownedTarget(folder.userId(), rawParentId);
        if (parentId == null) {
            return null;
        }
        if (parentId == folder.id()) {
            throw Refusal.because(Problem.PARENT_IS_THE_FOLDER);
        }
        if (repository.chain(parentId).stream().anyMatch(ancestor -> ancestor.id() == folder.id())) {
            throw Refusal.because(Problem.PARENT_BELOW_THE_FOLDER);
        }
        return parentId;
    }

    /** A client's access_password: blank or "null" for none, else the MD5 hex to store. */
    private static String passwordOrNone(String raw) {
        return raw.isEmpty() || raw.equalsIgnoreCase(AccessPasswords.CLEAR) ? null : AccessPasswords.checked(raw);
    }
}
