package dev.filehost.tus;

import dev.filehost.core.Refusal;
import dev.filehost.file.StoredFile;
import dev.filehost.file.UploadService;
import dev.filehost.storage.ResumableStaging;
import dev.filehost.storage.RunningDigests;
import dev.filehost.storage.StoredBlob;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The last byte arrived: the staged bytes become a blob and the upload an ordinary file, named,
 * typed and placed as /file/upload places its files. A file the rules refuse now (the quota filled
 * meanwhile) ends the upload.
 */
final class TusCompletion {
    private final TusUploadRepository repository;
    private final ResumableStaging staging;
    private final UploadService uploads;
    private final StagedDigests digests;
    private final TusMetrics metrics;
    private final Clock clock;
    private final Duration expiry;

    TusCompletion(TusUploadRepository repository, ResumableStaging staging, UploadService uploads,
                  StagedDigests digests, TusMetrics metrics, Clock clock, Duration expiry) {
        this.repository = repository;
        this.staging = staging;
        this.uploads = uploads;
        this.digests = digests;
        this.metrics = metrics;
        this.clock = clock;
        this.expiry = expiry;
    }

    /** The file the complete upload becomes; the caller holds the upload's lease. */
    StoredFile complete(UploadService.Upload admitted, TusUpload upload) throws IOException {
        String id = upload.id();
        Optional<StoredBlob> known = digests.continuing(id, upload.offset()).map(RunningDigests::result);
        StoredFile file;
        try {
            file = uploads.storeStaged(admitted, beforePublish -> staging.publish(id, known, beforePublish)).file();
        } catch (Refusal refused) {
            staging.deleteStaged(id);
            repository.delete(id);
            throw refused;
        }
        // Kept until its expiry, so that a client that missed the answer learns the file with HEAD.
        repository.markComplete(id, file.id(), clock.millis() + expiry.toMillis());
        metrics.completed();
        return file;
    }
}
