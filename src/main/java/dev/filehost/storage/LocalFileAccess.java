package dev.filehost.storage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** Capability of stores whose blobs are plain local files, e.g. to send them with zero-copy I/O. */
public interface LocalFileAccess {

    /** Returns the file holding the blob, or empty if the blob does not exist. */
    Optional<Path> localPath(String sha256) throws IOException;
}
