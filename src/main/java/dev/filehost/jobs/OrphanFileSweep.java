package dev.filehost.jobs;

import dev.filehost.storage.BlobStore;
import dev.filehost.storage.OrphanSweep;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clears what interrupted writes leave in a store that can list itself: blob files that have no
 * row, and temporary files, once untouched for the grace period.
 */
public final class OrphanFileSweep {
    private static final Logger log = LoggerFactory.getLogger(OrphanFileSweep.class);

    private final BlobSweepRepository repository;
    private final BlobStore blobs;
    private final OrphanSweep store;
    private final Duration grace;

    /** {@code blobs} and {@code store} are the same store, seen through its two capabilities. */
    OrphanFileSweep(BlobSweepRepository repository, BlobStore blobs, OrphanSweep store, Duration grace) {
        this.repository = repository;
        this.blobs = blobs;
        this.store = store;
        this.grace = grace;
    }

    /** What one run removed. */
    public record Removed(int orphans, int temporaries) {
    }

    public Removed run() {
        // File times come from the system clock, so ages are measured with it, not the server's clock.
        Instant cutoff = Instant.now().minus(grace);
        try {
            Removed removed = new Removed(removeOrphans(cutoff), store.sweepTemporary(grace));
            if (removed.orphans() > 0 || removed.temporaries() > 0) {
                log.info("Removed {} blob files without a row and {} stale temporary files",
                        removed.orphans(), removed.temporaries());
            }
            return removed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int removeOrphans(Instant cutoff) throws IOException {
        int removed = 0;
        try (Stream<String> stored = store.listAll()) {
            Iterator<String> blobIds = stored.iterator();
            List<String> batch = new ArrayList<>(Batches.SIZE);
            while (blobIds.hasNext()) {
                batch.add(blobIds.next());
                if (batch.size() == Batches.SIZE || !blobIds.hasNext()) {
                    removed += removeOrphansAmong(batch, cutoff);
                    batch.clear();
                }
            }
        }
        return removed;
    }

    private int removeOrphansAmong(List<String> batch, Instant cutoff) throws IOException {
        Set<String> known = repository.known(batch);
        int removed = 0;
        for (String sha256 : batch) {
            if (!known.contains(sha256) && repository.claimUnknown(sha256, () -> removeIfWrittenBefore(sha256, cutoff))) {
                removed++;
            }
        }
        return removed;
    }

    /** Checked while claimed: another node may have removed the file, or an upload renewed it. */
    private boolean removeIfWrittenBefore(String sha256, Instant cutoff) throws IOException {
        if (store.lastModified(sha256).filter(written -> written.isBefore(cutoff)).isEmpty()) {
            return false;
        }
        blobs.delete(sha256);
        return true;
    }
}
