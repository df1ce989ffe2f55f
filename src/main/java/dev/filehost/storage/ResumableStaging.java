package dev.filehost.storage;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Optional capability of a {@link BlobStore}: a file that arrives in pieces (a resumable upload) is
 * staged under an id of the caller's, appended to piece by piece from any node, and finally
 * published as an ordinary content-addressed blob without its bytes passing through this process
 * again where the store allows it.
 */
public interface ResumableStaging {
    /** Staged ids are this many lowercase hex characters. */
    int ID_LENGTH = 32;

    /** Starts an empty staged file. */
    void createStaged(String id) throws IOException;

    /**
     * Appends {@code in} after the first {@code offset} staged bytes, the size the caller recorded
     * (bytes past it, left by a node that stopped before recording them, are dropped), continuing
     * {@code digests}. Once {@code in} ended, {@code keep} decides: true makes the bytes staged (what
     * arrived before a failure of {@code in} included), false drops them all (a checksum that does not match).
     *
     * @return the staged size afterwards
     * @throws BlobTooLargeException when {@code in} holds more than {@code limit} bytes; what arrived
     *                               before is staged
     */
    long append(String id, long offset, InputStream in, WriteLimit limit, RunningDigests digests,
                BooleanSupplier keep) throws IOException;

    /** The bytes staged so far. */
    long stagedSize(String id) throws IOException;

    /**
     * Makes the complete staged file a blob, running {@code beforePublish} first as
     * {@link BlobStore#write} does. {@code known} is the blob's identity when the caller saw every
     * byte arrive; when empty (another node or an earlier process received some) the store reads
     * the staged bytes back once to compute it. The staged file is gone afterwards.
     */
    StoredBlob publish(String id, Optional<StoredBlob> known, BlobStore.BeforePublish beforePublish) throws IOException;

    /** Removes the staged file; removing a missing one is a no-op. */
    void deleteStaged(String id) throws IOException;
}
