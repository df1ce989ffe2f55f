package dev.filehost.file;

import dev.filehost.core.ErrorKind;
import dev.filehost.core.Refusal;
import dev.filehost.core.Wording;

/**
 * What files need to know of folders. The folder feature answers it; files depend on this interface
 * only, so the arrow points from folders (which hold files) to files and never back.
 */
public interface FolderLookup {

    /** Why a destination folder was refused; the API words it for the parameter that named the folder. */
    enum Problem implements Refusal.Reason {
        DESTINATION_NOT_FOUND;

        @Override
        public ErrorKind kind() {
            return ErrorKind.NOT_FOUND;
        }

        @Override
        public String text() {
            return "The destination folder is none of the caller's active folders.";
        }
    }

    /** The API's message for a destination folder parameter that names none of the caller's folders. */
    static String destinationNotFound(String param) {
        return "Could not find the destination folder id defined by " + param + ".";
    }

    /** The caller's active folder id (null for the root), or a refusal for {@link Problem#DESTINATION_NOT_FOUND}. */
    Long ownedTarget(long userId, String raw);

    /** As {@link #ownedTarget(long, String)}, refused with the API's {@code notFoundMessage}. */
    default Long ownedTarget(long userId, String raw, String notFoundMessage) {
        return Wording.of(Problem.DESTINATION_NOT_FOUND, notFoundMessage).around(() -> ownedTarget(userId, raw));
    }

    /** Whether the folder is one of the user's, and not in the trash. */
    boolean isActiveFolderOf(long userId, long folderId);

    /** A file arrived in the folder (null: the root): it and the folders above it count as updated. */
    void fileArrivedIn(Long folderId);

    /** Whether the folder (null: the root) keeps the files in it off the public pages. */
    boolean hidesFilesIn(Long folderId);
}
