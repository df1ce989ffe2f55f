package dev.filehost.tus;

import dev.filehost.account.AccountPackage;
import dev.filehost.account.Packages;
import dev.filehost.core.Refusal;
import dev.filehost.file.FileRepository;
import dev.filehost.file.FolderLookup;
import dev.filehost.file.StoredFile;
import dev.filehost.file.UploadRules;
import dev.filehost.file.UploadService;
import dev.filehost.file.UploadSource;
import dev.filehost.storage.ResumableStaging;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/** Creating, inspecting and ending resumable uploads; {@link TusAppender} takes their bytes. */
public final class TusService {
    static final String FOLDER_NOT_FOUND = FolderLookup.destinationNotFound("folder_id");
    static final String NO_FILENAME = "Upload-Metadata must name the file: filename.";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TusUploadRepository repository;
    private final OwnedUploads owned;
    private final ResumableStaging staging;
    private final UploadService uploads;
    private final Packages packages;
    private final FolderLookup folders;
    private final FileRepository files;
    private final StagedDigests digests;
    private final UploadLeases leases;
    private final TusMetrics metrics;
    private final Clock clock;
    private final Duration expiry;

    TusService(TusUploadRepository repository, ResumableStaging staging, UploadService uploads, Packages packages,
               FolderLookup folders, FileRepository files, StagedDigests digests, UploadLeases leases,
               TusMetrics metrics, Clock clock, Duration expiry) {
        this.repository = repository;
        this.owned = new OwnedUploads(repository, clock);
        this.staging = staging;
        this.uploads = uploads;
        this.packages = packages;
        this.folders = folders;
        this.files = files;
        this.digests = digests;
        this.leases = leases;
        this.metrics = metrics;
        this.clock = clock;
        this.expiry = expiry;
    }

    /** The largest file the caller may upload; empty when the package sets no maximum. */
    Optional<Long> maxSize(TusCaller caller) {
        long max = packageOf(caller).maxUploadSize();
        return max > 0 ? Optional.of(max) : Optional.empty();
    }

    /**
     * A new upload of {@code length} bytes (null: told later), admitted as /file/upload admits a
     * file: uploads enabled, the package's right to upload, file type, size, quota.
     */
    TusUpload create(TusCaller caller, String ip, Long length, TusMetadata metadata) {
        String clientName = metadata.get("filename").orElseThrow(() -> TusFailure.BAD_REQUEST.because(NO_FILENAME));
        if (length != null) {
            refuseLargerThanAllowed(caller, length);
            if (length == 0) {
                throw Refusal.badInput(UploadRules.EMPTY_FILE);
            }
        }
        Long folderId = metadata.get("folder_id")
                .map(raw -> folders.ownedTarget(caller.user().id(), raw, FOLDER_NOT_FOUND))
                .orElse(null);
        String name = uploads.admit(new UploadService.Upload(caller.user(), packageOf(caller), clientName,
                folderId, ip, UploadSource.RESUMABLE, length == null ? 0 : length)).name();
        long now = clock.millis();
        TusUpload upload = new TusUpload(newId(), caller.user().id(), length, 0, metadata.header(), name, folderId, ip,
                now, now + expiry.toMillis(), null, caller.guestGrant());
        try {
            staging.createStaged(upload.id());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        repository.insert(upload);
        metrics.started();
        return upload;
    }

    /** 413 for a size above the package's maximum upload size, which Tus-Max-Size states. */
    void refuseLargerThanAllowed(TusCaller caller, long size) {
        Optional<Long> max = maxSize(caller);
        if (max.isPresent() && size > max.get()) {
            throw TusFailure.TOO_LARGE.because(UploadRules.TOO_LARGE.formatted(max.get()));
        }
    }

    /** Every request of the protocol comes from an uploader: an address banned from uploading is refused them all. */
    void admitAddress(String ip) {
        uploads.refuseBannedAddress(ip);
    }

    TusUpload status(TusCaller caller, String id) {
        return owned.find(caller, id);
    }

    /** The file a complete upload became, if it still exists. */
    Optional<StoredFile> fileOf(TusUpload upload) {
        return Optional.ofNullable(upload.fileId()).flatMap(files::findById);
    }

    /**
     * Ends the upload and drops its bytes; a complete upload is only forgotten, its file stays.
     * 423 while a PATCH is sending to it.
     */
    void terminate(TusCaller caller, String id) {
        TusUpload upload = owned.find(caller, id);
        if (upload.isComplete()) {
            repository.delete(id);
            return;
        }
        try (UploadLeases.Lease lease = leases.claim(id)) {
            remove(upload);
        }
    }

    /** Removes an unfinished upload's bytes and row; the caller holds its lease. */
    void remove(TusUpload upload) {
        try {
            staging.deleteStaged(upload.id());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        digests.forget(upload.id());
        repository.delete(upload.id());
    }

    AccountPackage packageOf(TusCaller caller) {
        return packages.of(caller.user());
    }

    private static String newId() {
        byte[] bytes = new byte[ResumableStaging.ID_LENGTH / 2];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
