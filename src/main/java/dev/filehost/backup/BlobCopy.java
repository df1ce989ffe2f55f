package dev.filehost.backup;

import dev.filehost.storage.BlobNotFoundException;
import dev.filehost.storage.BlobStore;
import dev.filehost.storage.StoredBlob;
import dev.filehost.storage.WriteLimit;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** One blob from one store to another, checked against its SHA-256 on the way. */
final class BlobCopy {
    private BlobCopy() {
    }

    /** @return a problem in one sentence, or empty when the blob arrived whole */
    static Optional<String> copy(String sha256, BlobStore from, BlobStore to) throws IOException {
        StoredBlob written;
        try (InputStream in = from.open(sha256, 0, -1)) {
            written = to.write(in, WriteLimit.UNLIMITED, stored -> { });
        } catch (BlobNotFoundException e) {
            return Optional.of("blob " + sha256 + " is missing (filehost check tells which files use it)");
        }
        if (!written.sha256().equals(sha256)) {
            to.delete(written.sha256());
            return Optional.of("blob " + sha256 + " does not match its SHA-256; not copied");
        }
        return Optional.empty();
    }
}
