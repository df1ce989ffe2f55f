package dev.filehost.tus;

import dev.filehost.storage.ResumableStaging;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;

/** The one place that finds an upload for its owner: anyone else is told it does not exist. */
final class OwnedUploads {
    private static final Pattern ID = Pattern.compile("[0-9a-f]{" + ResumableStaging.ID_LENGTH + "}");

    private final TusUploadRepository repository;
    private final Clock clock;

    OwnedUploads(TusUploadRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** The caller's upload, 404 when it is unknown or another caller's, 410 once it expired. */
    TusUpload find(TusCaller caller, String id) {
        Optional<TusUpload> found = ID.matcher(id).matches() ? repository.find(id) : Optional.empty();
        TusUpload upload = found
                .filter(caller::made)
                .orElseThrow(() -> TusFailure.NOT_FOUND.because(TusFailure.UNKNOWN_UPLOAD));
        if (upload.isExpiredAt(clock.millis())) {
            throw TusFailure.GONE.because("The upload expired.");
        }
        return upload;
    }
}
