package dev.filehost.file;

import dev.filehost.core.Ids;
import dev.filehost.core.Refusal;
import java.time.Clock;
import java.util.List;

/** The rules of /file/info, edit, delete, move and copy, with the one ownership check for files. */
public final class FileService {
    public static final String FILE_NOT_FOUND = "Could not find file based on file_id.";

    private final FileRepository files;
    private final FolderLookup folders;
    private final StorageQuota quota;
    private final Clock clock;

    public FileService(FileRepository files, FolderLookup folders, StorageQuota quota, Clock clock) {
        this.files = files;
        this.folders = folders;
        this.quota = quota;
        this.clock = clock;
    }

    /** The caller's file named by a file_id parameter; trashed files count only when asked for. */
    public StoredFile owned(long userId, String rawFileId, boolean includeTrash) {
        return Ids.parse(rawFileId)
                .flatMap(files::findById)
                .filter(file -> file.userId() == userId)
                .filter(file -> includeTrash || file.isActive())
                .orElseThrow(() -> Refusal.notFound(FILE_NOT_FOUND));
    }

    /** The caller's active file named by its short URL. */
    public StoredFile ownedByShortUrl(long userId, String shortUrl) {
        return files.findByShortUrl(shortUrl)
                .filter(file -> file.userId() == userId && file.isActive())
                .orElseThrow(() -> Refusal.notFound(FILE_NOT_FOUND));
    }

    /** Blank values keep the old ones; a name the folder has already is kept too, as the original does. */
    public StoredFile edit(StoredFile file, String newName, String newType, String rawFolderId) {
        String name = newName.isBlank() ? file.name()
                : FileNames.clean(newName).orElseThrow(() -> Refusal.badInput("Please provide a valid filename."));
        String type = newType.isBlank() ? file.mimeType() : checkedType(newType);
        Long folderId = rawFolderId.isBlank() ? file.folderId()
                : folders.ownedTarget(file.userId(), rawFolderId);
        return files.update(file, name, type, folderId, FileRepository.Naming.AS_GIVEN);
    }

    public StoredFile trash(StoredFile file) {
        files.trash(file.id(), clock.millis());
        return files.findById(file.id()).orElseThrow();
    }

    /**
     * Back from the trash into its folder, or into the root when that folder is gone or trashed itself;
     * it counts against the storage quota again, so it is refused as an upload would be when there is no room.
     */
    public StoredFile restore(StoredFile file) {
        Long folderId = file.folderId() != null && folders.isActiveFolderOf(file.userId(), file.folderId())
                ? file.folderId() : null;
        quota.restore(file, folderId);
        folders.fileArrivedIn(folderId);
        return files.findById(file.id()).orElseThrow();
    }

    /** Deletes every trashed file of the user at once, as the trash's retention would later. */
    public int emptyTrash(long userId) {
        return files.deleteTrashOf(userId);
    }

    /** The user's active files whose name contains the text, in every folder. */
    public List<StoredFile> search(long userId, String text, int limit) {
        return files.findByName(userId, FileStatus.ACTIVE, text, limit);
    }

    /** A page (numbered from 1) of a listing, with how many files the whole listing has. */
    public record ListingPage(List<ListedFile> files, int total, int page) {
    }

    /**
     * A page of the user's active files in a folder already known to be the user's (null: the root): one
     * count, then one query for just that page; a page past the end is the last one.
     */
    public ListingPage activePage(long userId, Long folderId, FileRepository.ListingOrder order, boolean descending,
                                  int page, int pageSize) {
        int total = files.countActiveIn(userId, folderId);
        int shown = Math.max(1, Math.min(page, (total + pageSize - 1) / pageSize));
        return new ListingPage(files.activePage(userId, folderId, order, descending, pageSize,
                (long) (shown - 1) * pageSize), total, shown);
    }

    public List<StoredFile> trashed(long userId, int limit) {
        return files.findByName(userId, FileStatus.TRASH, "", limit);
    }

    public StoredFile move(StoredFile file, String rawFolderId) {
        Long folderId = folders.ownedTarget(file.userId(), rawFolderId);
        return files.update(file, file.name(), file.mimeType(), folderId, FileRepository.Naming.AS_GIVEN);
    }

    /**
     * A new file with its own id and short URL that shares the original's blob, under the same name
     * even where the folder has it already; it counts against the storage quota as an upload does.
     */
    public StoredFile copy(StoredFile file, String rawFolderId) {
        Long folderId = folders.ownedTarget(file.userId(), rawFolderId);
        return quota.add(new NewFile(file.userId(), folderId, file.name(), file.mimeType(), file.size(),
                file.blobSha256(), file.uploadedIp(), file.uploadSource()), FileRepository.Naming.AS_GIVEN);
    }

    private static String checkedType(String type) {
        if (type.length() > 255 || !type.matches("[A-Za-z0-9!#$&^_.+-]+/[A-Za-z0-9!#$&^_.+-]+")) {
            throw Refusal.badInput("Please provide a valid fileType, for example application/octet-stream.");
        }
        return type;
    }
}
