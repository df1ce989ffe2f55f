package dev.filehost.backup;

import dev.filehost.db.Database;
import dev.filehost.storage.BlobNotFoundException;
import dev.filehost.storage.BlobStore;
import dev.filehost.storage.HashingCopy;
import dev.filehost.storage.LocalFileAccess;
import dev.filehost.storage.OrphanSweep;
import dev.filehost.storage.StoredBlob;
import dev.filehost.storage.WriteLimit;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Compares the database with the store: rows whose bytes are missing or differ, and stored
 * blobs no row knows. A repair moves those orphans out of the store into a directory of their
 * own (local stores only), where an operator can look at them before deleting them.
 */
public final class StoreCheck {
    private static final int PAGE = 500;
    /** Bytes this recent may belong to an upload that has not recorded its row yet. */
    private static final Duration ORPHAN_GRACE = Duration.ofHours(1);

    private final BlobCheckRepository repository;
    private final BlobStore store;
    private final Clock clock;

    public StoreCheck(Database database, BlobStore store, Clock clock) {
        this.repository = new BlobCheckRepository(database.jdbi());
        this.store = store;
        this.clock = clock;
    }

    /**
     * @param hashes    also read every blob and compare its SHA-256 and MD5 (slow: reads the whole store)
     * @param moveAside where a repair moves orphans, or empty to only report them
     */
    public CheckReport run(boolean hashes, Optional<Path> moveAside) throws IOException {
        List<String> missing = new ArrayList<>();
        List<String> damaged = new ArrayList<>();
        long checked = 0;
        String after = "";
        List<BlobRow> page;
        do {
            page = repository.page(after, PAGE);
            for (BlobRow row : page) {
                check(row, hashes, missing, damaged);
                checked++;
            }
            after = page.isEmpty() ? after : page.getLast().sha256();
        } while (page.size() == PAGE);
        List<String> orphans = orphans();
        int moved = moveAside.isPresent() ? moveAside(orphans, moveAside.get()) : 0;
        return new CheckReport(checked, missing, damaged, orphans, moved);
    }

    private void check(BlobRow row, boolean hashes, List<String> missing, List<String> damaged) throws IOException {
        long size;
        try {
            size = store.size(row.sha256());
        } catch (BlobNotFoundException e) {
            List<Long> files = repository.filesUsing(row.sha256());
            missing.add("blob " + row.sha256() + " (" + row.size() + " bytes) is missing; "
                    + (files.isEmpty() ? "no file uses it" : "used by file ids " + files));
            return;
        }
        if (size != row.size()) {
            damaged.add("blob " + row.sha256() + " has " + size + " bytes in the store, " + row.size() + " recorded");
        } else if (hashes && !digestsMatch(row)) {
            damaged.add("blob " + row.sha256() + " does not match its recorded SHA-256 and MD5");
        }
    }

    private boolean digestsMatch(BlobRow row) throws IOException {
        try (InputStream in = store.open(row.sha256(), 0, -1)) {
            StoredBlob read = HashingCopy.copy(in, OutputStream.nullOutputStream(), WriteLimit.UNLIMITED);
            return read.sha256().equals(row.sha256()) && read.md5().equals(row.md5());
        }
    }

    private List<String> orphans() throws IOException {
        if (!(store instanceof OrphanSweep listable)) {
            return List.of();
        }
        Instant cutoff = clock.instant().minus(ORPHAN_GRACE);
        List<String> orphans = new ArrayList<>();
        try (Stream<String> stored = listable.listAll()) {
            Iterator<String> it = stored.iterator();
            while (it.hasNext()) {
                List<String> batch = new ArrayList<>(PAGE);
                while (it.hasNext() && batch.size() < PAGE) {
                    batch.add(it.next());
                }
                Set<String> known = repository.known(batch);
                for (String sha256 : batch) {
                    if (!known.contains(sha256) && listable.lastModified(sha256).filter(t -> t.isBefore(cutoff)).isPresent()) {
                        orphans.add(sha256);
                    }
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return orphans;
    }

    private int moveAside(List<String> orphans, Path dir) throws IOException {
        if (!(store instanceof LocalFileAccess local)) {
            throw new IllegalArgumentException("--repair moves orphans aside on local storage only; "
                    + "on S3, list them with filehost check and remove them with the bucket's tools");
        }
        Files.createDirectories(dir);
        int moved = 0;
        for (String sha256 : orphans) {
            Optional<Path> path = local.localPath(sha256);
            if (path.isPresent()) {
                Files.move(path.get(), dir.resolve(sha256), StandardCopyOption.REPLACE_EXISTING);
                moved++;
            }
        }
        return moved;
    }
}
