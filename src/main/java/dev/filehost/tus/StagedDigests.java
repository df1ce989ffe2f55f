package dev.filehost.tus;

import dev.filehost.storage.RunningDigests;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The running MD5 and SHA-256 of the uploads this node received every byte of, so that each PATCH
 * continues them and the last one knows the file's digests at once. When another node or an earlier
 * process took some of the bytes, the chain is broken and the store reads the staged bytes back once
 * when the upload completes (cheaper than at every takeover: at most one read whatever the moves).
 */
final class StagedDigests {
    private final ConcurrentHashMap<String, RunningDigests> running = new ConcurrentHashMap<>();

    /** The digests of an upload's first {@code offset} bytes, if this node saw them all; the caller holds its lease. */
    Optional<RunningDigests> continuing(String uploadId, long offset) {
        return Optional.ofNullable(running.remove(uploadId)).filter(digests -> digests.size() == offset);
    }

    /** Keeps the digests for the next PATCH on this node; they count only if they started at the first byte. */
    void keep(String uploadId, RunningDigests digests) {
        running.put(uploadId, digests);
    }

    void forget(String uploadId) {
        running.remove(uploadId);
    }
}
