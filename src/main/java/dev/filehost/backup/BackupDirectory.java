package dev.filehost.backup;

import dev.filehost.storage.LocalBlobStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A backup on disk: the database snapshot beside the blobs it refers to, in the local store's layout. */
record BackupDirectory(Path root) {
    static final String DATABASE = "filehost.db";

    Path database() {
        return root.resolve(DATABASE);
    }

    Path blobsRoot() {
        return root.resolve("blobs");
    }

    LocalBlobStore blobs() throws IOException {
        return LocalBlobStore.open(blobsRoot());
    }

    boolean exists() {
        return Files.isRegularFile(database());
    }

    void create() throws IOException {
        Files.createDirectories(root);
    }
}
