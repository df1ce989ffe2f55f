package dev.filehost.storage;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

/** Capability of stores that can enumerate their content and clean up after crashes. */
public interface OrphanSweep {

    /**
     * Lazily lists the SHA-256 of every stored blob, so callers can find blobs no longer referenced.
     * The stream holds open resources: close it, e.g. with try-with-resources. I/O errors met
     * while iterating are thrown as {@link java.io.UncheckedIOException}.
     */
    Stream<String> listAll() throws IOException;

    /** When the blob's bytes were last written, or empty if the blob does not exist. */
    Optional<Instant> lastModified(String sha256) throws IOException;

    /**
     * Removes temporary files of writes that have not progressed for longer than {@code olderThan},
     * i.e. leftovers of a crash. Pick a duration well above any upload idle timeout, so live writes
     * are never removed.
     *
     * @return the number of files removed
     */
    int sweepTemporary(Duration olderThan) throws IOException;
}
