package dev.filehost.jobs;

import dev.filehost.db.Database;
import dev.filehost.file.FileRetentionRepository;
import dev.filehost.folder.FolderRepository;
import dev.filehost.storage.BlobStore;
import dev.filehost.storage.OrphanSweep;
import dev.filehost.tus.ResumableUploads;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** The jobs that keep files and blobs tidy; every node runs them, and they share the work through the database. */
public final class Housekeeping {
    /**
     * How long an unreferenced blob, or a stray file on disk, is left alone: far longer than an
     * upload takes from recording its blob reference to inserting its file, or than a live write
     * goes without progress.
     */
    static final Duration GRACE = Duration.ofHours(1);
    /**
     * The first run follows a start soon, whatever the period: a node that restarts more often
     * than its period would otherwise never clean up.
     */
    static final Duration FIRST_RUN_AFTER_START = Duration.ofMinutes(1);

    private final InactiveFileExpiry inactiveFileExpiry;
    private final TrashPurge trashPurge;
    private final BlobSweep blobSweep;
    private final Optional<OrphanFileSweep> orphanFileSweep;
    private final Optional<ResumableUploadExpiry> resumableUploadExpiry;

    public Housekeeping(Database database, BlobStore blobs, Clock clock, Duration trashRetention,
                        Optional<ResumableUploads> resumableUploads) {
        FileRetentionRepository files = new FileRetentionRepository(database);
        BlobSweepRepository blobRows = new BlobSweepRepository(database);
        this.inactiveFileExpiry = new InactiveFileExpiry(files, clock);
        this.trashPurge = new TrashPurge(files, new FolderRepository(database.jdbi(), database.isPostgres()), clock,
                trashRetention);
        this.blobSweep = new BlobSweep(blobRows, blobs, clock, GRACE);
        this.orphanFileSweep = blobs instanceof OrphanSweep listable
                ? Optional.of(new OrphanFileSweep(blobRows, blobs, listable, GRACE)) : Optional.empty();
        this.resumableUploadExpiry = resumableUploads.map(ResumableUploadExpiry::new);
    }

    /**
     * Runs every job soon after the start and then each {@code period}, in the order work flows:
     * inactive to trash, trash to unreferenced blobs; then expired resumable uploads.
     */
    public void scheduleOn(Scheduler scheduler, Duration period) {
        Duration first = firstRunAfter(period);
        scheduler.every(first, period, "expire inactive files", inactiveFileExpiry::run);
        scheduler.every(first, period, "purge trash", trashPurge::run);
        scheduler.every(first, period, "sweep unreferenced blobs", blobSweep::run);
        orphanFileSweep.ifPresent(sweep -> scheduler.every(first, period, "sweep orphan blob files", sweep::run));
        resumableUploadExpiry.ifPresent(expiry ->
                scheduler.every(first, period, "remove expired resumable uploads", expiry::run));
    }

    static Duration firstRunAfter(Duration period) {
        return period.compareTo(FIRST_RUN_AFTER_START) < 0 ? period : FIRST_RUN_AFTER_START;
    }

    public InactiveFileExpiry inactiveFileExpiry() {
        return inactiveFileExpiry;
    }

    public TrashPurge trashPurge() {
        return trashPurge;
    }

    public BlobSweep blobSweep() {
        return blobSweep;
    }

    public Optional<OrphanFileSweep> orphanFileSweep() {
        return orphanFileSweep;
    }

    public Optional<ResumableUploadExpiry> resumableUploadExpiry() {
        return resumableUploadExpiry;
    }
}
