package dev.filehost.storage;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

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
     * {@code digests}. What arrived before {@code in} failed stays staged and is in {@code digests}.
     *
     * @return the staged size afterwards
     * @throws BlobTooLargeException when {@code in} holds more than {@code limit} bytes; what was
     *                               appended before stays
     */
    long append(String id, long offset, InputStream in, WriteLimit limit, RunningDigests digests) throws IOException;

    /** The bytes staged so far, as they are durable now. */
    long stagedSize(String id) throws IOException;

    /** Drops the staged bytes past {@code size}, e.g. those of a piece whose checksum was wrong. */
    void truncate(String id, long size) throws IOException;

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
