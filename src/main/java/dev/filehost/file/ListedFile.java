package dev.filehost.file;

/**
 * A file as a folder listing shows it: only the columns the API listing, the folder page and the file manager read,
 * so a listing of thousands of files reads no hashes, addresses or descriptions.
 */
public record ListedFile(long id, String shortUrl, Long folderId, String name, String extension, String mimeType,
                         long size, FileStatus status, int ownPrivacy, long downloads, long createdAt) {

    /** The file's own flag lets the public see it; the folders above it may still forbid that. */
    public boolean ownFlagIsPublic() {
        return ownPrivacy != 0;
    }

    public boolean isActive() {
        return status == FileStatus.ACTIVE;
    }
}
