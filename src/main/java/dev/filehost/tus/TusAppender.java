package dev.filehost.tus;

import dev.filehost.account.User;
import dev.filehost.file.StoredFile;
import dev.filehost.file.TransferSlots;
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

    Appended append(User caller, String ip, String id, Patch patch, InputStream body) throws IOException {
        requireOffset(service.status(caller, id), patch.offset());
        try (UploadLeases.Lease lease = leases.claim(id)) {
            TusUpload upload = requireOffset(service.status(caller, id), patch.offset());
            Long length = lengthAfter(caller, upload, patch.declaredLength());
            UploadService.Upload admitted = new UploadService.Upload(caller, service.packageOf(caller),
                    upload.fileName(), upload.folderId(), ip, TusService.SOURCE,
                    length != null ? length : upload.offset() + Math.max(0, patch.contentLength()));
            long allowed = (length != null ? length : uploads.admitBeforeBytes(admitted).maxBytes()) - upload.offset();
            if (patch.contentLength() > allowed) {
                throw TusFailure.TOO_LARGE.because(PAST_LENGTH);
            }
            long size = allowed == 0 ? upload.offset() : receive(admitted, upload, patch, body, allowed, lease);
            metrics.received(size - upload.offset());
            if (!repository.advance(id, lease.owner(), size, length, clock.millis() + expiry.toMillis())) {
                digests.forget(id);
                throw new UploadLeases.LeaseLostException();
            }
            TusUpload advanced = repository.find(id).orElseThrow();
            if (length != null && size == length) {
                return new Appended(advanced, Optional.of(completion.complete(admitted, advanced)));
            }
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
    private Long lengthAfter(User caller, TusUpload upload, Long declared) {
        if (declared == null) {
            return upload.length();
        }
        if (upload.lengthKnown() && !declared.equals(upload.length())) {
            throw TusFailure.BAD_REQUEST.because("Upload-Length cannot change once declared.");
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
        InputStream checked = patch.checksum() == null ? body : patch.checksum().watch(body);
        ArrivedBytes arrived = new ArrivedBytes(lease.guard(checked));
        try (TransferSlots.Slot slot = uploads.uploadSlot(admitted)) {
            staging.append(id, upload.offset(), arrived, WriteLimit.ofBytes(allowed), running);
            arrived.rethrowFailure();
        } catch (UploadLeases.LeaseLostException e) {
            digests.forget(id);
            throw e;
        } catch (BlobTooLargeException e) {
            recordWhatArrived(upload, patch, fromFirstByte ? running : null, lease);
            throw TusFailure.TOO_LARGE.because(PAST_LENGTH);
        } catch (IOException e) {
            // The client went away: keep what arrived, so that it resumes from there.
            recordWhatArrived(upload, patch, fromFirstByte ? running : null, lease);
            throw e;
        }
        if (patch.checksum() != null && !patch.checksum().matches()) {
            staging.truncate(id, upload.offset());
            digests.forget(id);
            throw TusFailure.CHECKSUM_MISMATCH.because("The body does not match Upload-Checksum.");
        }
        if (fromFirstByte) {
            digests.keep(id, running);
        }
        return staging.stagedSize(id);
    }

    /**
     * Records what an interrupted body left staged, unless the body had a checksum, which an
     * incomplete body cannot match: its bytes go. {@code running} (null when they do not start at the
     * first byte) count for the next PATCH only if they match what was staged.
     */
    private void recordWhatArrived(TusUpload upload, Patch patch, RunningDigests running, UploadLeases.Lease lease)
            throws IOException {
        String id = upload.id();
        if (patch.checksum() != null) {
            staging.truncate(id, upload.offset());
            digests.forget(id);
            return;
        }
        long staged = staging.stagedSize(id);
        if (running != null) {
            digests.keep(id, running);
        }
        repository.advance(id, lease.owner(), staged, upload.length(), clock.millis() + expiry.toMillis());
        metrics.received(staged - upload.offset());
    }
}
