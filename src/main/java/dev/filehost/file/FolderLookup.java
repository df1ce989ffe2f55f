package dev.filehost.file;

/**
 * What files need to know of folders. The folder feature answers it; files depend on this interface
 * only, so the arrow points from folders (which hold files) to files and never back.
 */
public interface FolderLookup {

    /** The message for a destination folder parameter that names none of the caller's folders. */
    static String destinationNotFound(String param) {
        return "Could not find the destination folder id defined by " + param + ".";
    }

    /** The caller's active folder id (null for the root), or the envelope error {@code notFoundMessage}. */
    Long ownedTarget(long userId, String raw, String notFoundMessage);

    /** Whether the folder is one of the user's, and not in the trash. */
    boolean isActiveFolderOf(long userId, long folderId);

    /** A file arrived in the folder (null: the root): it and the folders above it count as updated. */
    void fileArrivedIn(Long folderId);

    /** Whether the folder (null: the root) keeps the files in it off the public pages. */
    boolean hidesFilesIn(Long folderId);
}
