package dev.filehost.jobs;

import dev.filehost.tus.ResumableUploads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Removes resumable uploads whose expiry passed, with their staged bytes, on whichever node runs first. */
public final class ResumableUploadExpiry {
    private static final Logger log = LoggerFactory.getLogger(ResumableUploadExpiry.class);

    private final ResumableUploads uploads;

    ResumableUploadExpiry(ResumableUploads uploads) {
        this.uploads = uploads;
    }

    /** @return the uploads removed */
    public int run() {
        int removed = Batches.drain(() -> uploads.expire(Batches.SIZE));
        if (removed > 0) {
            log.info("Removed {} expired resumable uploads", removed);
        }
        return removed;
    }
}
