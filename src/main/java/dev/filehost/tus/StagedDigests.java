package dev.filehost.tus;

import dev.filehost.storage.HashingCopy;
import dev.filehost.storage.ResumableStaging;
import dev.filehost.storage.RunningDigests;
import dev.filehost.storage.WriteLimit;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The running MD5 and SHA-256 of each upload this node appends to. A node that did not see the
 * earlier bytes arrive (another node took them, or this one restarted) reads them back from the
 * staged file once, then goes on from there.
 */
final class StagedDigests {
    private final ResumableStaging staging;
    private final ConcurrentHashMap<String, RunningDigests> running = new ConcurrentHashMap<>();

    StagedDigests(ResumableStaging staging) {
        this.staging = staging;
    }

    /** The digests of the first {@code offset} staged bytes; the caller holds the upload's lease. */
    RunningDigests at(String uploadId, long offset) throws IOException {
        RunningDigests known = running.remove(uploadId);
        if (known != null && known.size() == offset) {
            return known;
        }
        if (staging.stagedSize(uploadId) > offset) {
            // Bytes a node appended but stopped before recording: the client sends them again.
            staging.truncate(uploadId, offset);
        }
        RunningDigests reread = new RunningDigests();
        try (InputStream staged = staging.openStaged(uploadId)) {
            HashingCopy.append(staged, OutputStream.nullOutputStream(), WriteLimit.UNLIMITED, reread);
        }
        if (reread.size() != offset) {
            throw new IOException("upload " + uploadId + " has " + reread.size() + " bytes staged, " + offset + " recorded");
        }
        return reread;
    }

    /** Keeps the digests for the next PATCH on this node. */
    void keep(String uploadId, RunningDigests digests) {
        running.put(uploadId, digests);
    }

    void forget(String uploadId) {
        running.remove(uploadId);
    }
}
