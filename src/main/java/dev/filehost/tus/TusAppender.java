package dev.filehost.tus;

import dev.filehost.core.Refusal;
import dev.filehost.file.StoredFile;
import dev.filehost.file.TransferSlots;
import dev.filehost.file.UploadSource;
import dev.filehost.file.UploadRules;
import dev.filehost.file.UploadService;
import dev.filehost.storage.BlobTooLargeException;
import dev.filehost.storage.ResumableStaging;
import dev.filehost.storage.RunningDigests;
import dev.filehost.storage.WriteLimit;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * A PATCH: appends the body to the upload under its lease and the package's limits, records what
 * arrived (also when the client goes away midway), and completes the upload with its last byte.
 */
final class TusAppender {
    static final String OFFSET_MISMATCH = "Upload-Offset does not match the bytes received so far.";
    static final String PAST_LENGTH = "The body reaches past Upload-Length.";

    private final TusService service;
    private final TusUploadRepository repository;
    private final ResumableStaging staging;
    private final UploadService uploads;
    private final StagedDigests digests;
    private final UploadLeases leases;
    private final TusCompletion completion;
    private final TusMetrics metrics;
    private final Clock clock;
    private final Duration expiry;

    TusAppender(TusService service, TusUploadRepository repository, ResumableStaging staging, UploadService uploads,
                StagedDigests digests, UploadLeases leases, TusCompletion completion, TusMetrics metrics, Clock clock,
                Duration expiry) {
        this.service = service;
        this.repository = repository;
        this.staging = staging;
        this.uploads = uploads;
        this.digests = digests;
        this.leases = leases;
        this.completion = completion;
        this.metrics = metrics;
        this.clock = clock;
        this.expiry = expiry;
    }

    /** The upload after a PATCH, and the file it became if this PATCH completed it. */
    record Appended(TusUpload upload, Optional<StoredFile> file) {
    }

    /** What a PATCH says besides its body. */
    record Patch(long offset, Long declaredLength, long contentLength, TusChecksum checksum) {
    }

    Appended append(TusCaller caller, String ip, String id, Patch patch, InputStream body) throws IOException {
        requireOffset(service.status(caller, id), patch.offset());
        try (UploadLeases.Lease lease = leases.claim(id)) {
            TusUpload upload = requireOffset(service.status(caller, id), patch.offset());
            Long length = lengthAfter(caller, upload, patch.declaredLength());
            UploadService.Upload admitted = new UploadService.Upload(caller.user(), service.packageOf(caller),
                    upload.fileName(), upload.folderId(), ip, UploadSource.RESUMABLE,
                    length != null ? length : upload.offset() + Math.max(0, patch.contentLength()));
            // Admitted on every PATCH, so a ban or the uploads switch stops an upload under way.
            long limit = uploads.admit(admitted).byteLimit();
            long allowed = (length != null ? length : limit) - upload.offset();
            if (patch.contentLength() > allowed) {
                throw TusFailure.TOO_LARGE.because(PAST_LENGTH);
            }
            long size = allowed == 0 ? upload.offset() : receive(admitted, upload, patch, body, allowed, lease);
            metrics.received(size - upload.offset());
            long expiresAt = clock.millis() + expiry.toMillis();
            boolean completes = length != null && size == length;
            // The completing PATCH keeps its lease until the upload is a file; markComplete ends it.
            boolean recorded = completes ? repository.advance(id, lease.owner(), size, length, expiresAt)
                    : repository.advanceAndRelease(id, lease.owner(), size, length, expiresAt);
            if (!recorded) {
                digests.forget(id);
                throw new UploadLeases.LeaseLostException();
            }
            TusUpload advanced = upload.advancedTo(size, length, expiresAt);
            if (completes) {
                StoredFile file = completion.complete(admitted, advanced);
                lease.ended();
                return new Appended(advanced, Optional.of(file));
            }
            lease.ended();
            return new Appended(advanced, Optional.empty());
        }
    }

    private static TusUpload requireOffset(TusUpload upload, long offset) {
        if (upload.isComplete() || upload.offset() != offset) {
            throw TusFailure.CONFLICT.because(OFFSET_MISMATCH);
        }
        return upload;
    }

    /** The length once this PATCH is through: a deferred one may be declared now, once. */
    private Long lengthAfter(TusCaller caller, TusUpload upload, Long declared) {
        if (declared == null) {
            return upload.length();
        }
        if (upload.lengthKnown() && !declared.equals(upload.length())) {
            throw TusFailure.BAD_REQUEST.because("Upload-Length cannot change once declared.");
        }
        if (declared == 0) {
            throw Refusal.badInput(UploadRules.EMPTY_FILE);
        }
        if (declared < upload.offset()) {
            throw TusFailure.BAD_REQUEST.because("Upload-Length is less than the bytes already received.");
        }
        service.refuseLargerThanAllowed(caller, declared);
        return declared;
    }

    /** Appends the body; the staged size afterwards, which is what the client may resume from. */
    private long receive(UploadService.Upload admitted, TusUpload upload, Patch patch, InputStream body, long allowed,
                         UploadLeases.Lease lease) throws IOException {
        String id = upload.id();
        Optional<RunningDigests> chain = digests.continuing(id, upload.offset());
        // Digests that do not start at the first byte are of no use later: they are kept only if they do.
        boolean fromFirstByte = chain.isPresent() || upload.offset() == 0;
        RunningDigests running = chain.orElseGet(RunningDigests::new);
        TusChecksum checksum = patch.checksum();
        ArrivedBytes arrived = new ArrivedBytes(lease.guard(checksum == null ? body : checksum.watch(body)));
        // An incomplete body cannot match its checksum: with one, only a complete, matching body is kept.
        BooleanSupplier keep = () -> checksum == null || (arrived.isComplete() && checksum.matches());
        long staged;
        try (TransferSlots.Slot slot = uploads.uploadSlot(admitted)) {
            staged = staging.append(id, upload.offset(), arrived, WriteLimit.ofBytes(allowed), running, keep);
        } catch (UploadLeases.LeaseLostException e) {
            throw e;
        } catch (BlobTooLargeException e) {
            record(upload, staging.stagedSize(id), lease);
            throw TusFailure.TOO_LARGE.because(PAST_LENGTH);
        }
        if (fromFirstByte && running.size() == staged) {
            digests.keep(id, running);
        }
        if (arrived.failed()) {
            record(upload, staged, lease);
            throw arrived.failure();
        }
        if (!keep.getAsBoolean()) {
            throw TusFailure.CHECKSUM_MISMATCH.because("The body does not match Upload-Checksum.");
        }
        return staged;
    }

    /** Records the bytes an interrupted PATCH left, for the client to resume from. */
    private void record(TusUpload upload, long staged, UploadLeases.Lease lease) {
        repository.advance(upload.id(), lease.owner(), staged, upload.length(), clock.millis() + expiry.toMillis());
        metrics.received(staged - upload.offset());
    }
}
