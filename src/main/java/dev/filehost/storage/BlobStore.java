package dev.filehost.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;

/**
 * Content-addressed storage of immutable blobs, keyed by the lowercase hex SHA-256 of their bytes.
 *
 * <p>This is the contract every backend offers. Backends may also implement optional capabilities
 * such as {@link LocalFileAccess} or {@link OrphanSweep}; callers discover them with
 * {@code instanceof}.
 *
 * <p>Every {@code sha256} argument must be exactly 64 lowercase hex characters, otherwise the
 * method throws {@link IllegalArgumentException} (see {@link BlobIds}).
 */
public interface BlobStore {

    /**
     * Streams {@code in} to the store once, hashing while writing. If a blob with the same SHA-256
     * already exists, the new copy is discarded and the existing one kept. The blob is durable when
     * this method returns. On failure nothing is left behind and the exception propagates.
     *
     * <p>{@code beforePublish} runs once the bytes are durable and hashed, before the store decides
     * whether to keep them or an existing copy: a caller records its reference to the blob there, so
     * a sweep of unreferenced blobs either finished before (and these bytes are kept) or sees it.
     * If it throws, the write fails.
     *
     * <p>{@code in} is read until end of stream but not closed; the caller owns it.
     *
     * @throws BlobTooLargeException as soon as more than {@code limit.maxBytes()} bytes were read
     */
    default StoredBlob write(InputStream in, WriteLimit limit, BeforePublish beforePublish) throws IOException {
        try (Staged staged = stage(in, limit)) {
            staged.publish(beforePublish);
            return staged.blob();
        }
    }

    /**
     * The first half of {@link #write}: streams {@code in} into the store's staging area, hashing while
     * writing, and keeps the bytes durable but under no hash until {@link Staged#publish}. No sweep of
     * unreferenced blobs can see them meanwhile; closing the stage unpublished removes every byte of it
     * at once. On failure nothing is left behind and the exception propagates.
     *
     * @throws BlobTooLargeException as soon as more than {@code limit.maxBytes()} bytes were read
     */
    Staged stage(InputStream in, WriteLimit limit) throws IOException;

    /** Bytes in the staging area, waiting to be published under their hash or dropped. */
    interface Staged extends AutoCloseable {
        /** The digests and size of the staged bytes. */
        StoredBlob blob();

        /**
         * Runs {@code beforePublish} (see {@link #write}), then makes the bytes the blob under their hash,
         * or drops them for an identical blob already there. If either fails, nothing is published, and
         * closing the stage removes what is left of it.
         */
        void publish(BeforePublish beforePublish) throws IOException;

        /** Removes the staged bytes unless they were published. */
        @Override
        void close() throws IOException;
    }

    /** What a writer does between making the bytes durable and publishing them under their hash. */
    @FunctionalInterface
    interface BeforePublish {
        void run(StoredBlob blob) throws IOException;
    }

    boolean exists(String sha256) throws IOException;

    /** @throws BlobNotFoundException if the blob does not exist */
    long size(String sha256) throws IOException;

    /**
     * Opens {@code length} bytes of the blob starting at {@code offset}; a {@code length} of -1
     * means up to the end. The caller must close the returned stream.
     *
     * @throws IllegalArgumentException if the range is negative or does not fit in the blob
     * @throws BlobNotFoundException if the blob does not exist
     */
    InputStream open(String sha256, long offset, long length) throws IOException;

    /**
     * The same bytes as {@link #open}, as a channel that reads into direct buffers without a copy
     * through the heap where the store allows it. The caller must close it.
     */
    default ReadableByteChannel openChannel(String sha256, long offset, long length) throws IOException {
        return Channels.newChannel(open(sha256, offset, length));
    }

    /** Deletes the blob; deleting a missing blob is a no-op. */
    void delete(String sha256) throws IOException;
}
