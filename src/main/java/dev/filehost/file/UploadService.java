package dev.filehost.file;

import dev.filehost.account.AccountPackage;
import dev.filehost.account.User;
import dev.filehost.core.Refusal;
import dev.filehost.storage.BlobStore;
import dev.filehost.storage.BlobTooLargeException;
import dev.filehost.storage.StoredBlob;
import dev.filehost.storage.WriteLimit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;

/**
 * Takes a file's bytes into storage under the uploader's package limits: the limits are checked
 * before and while the bytes flow, and the file row appears only once its blob is durable.
 */
public final class UploadService {
    private final BlobStore blobs;
    private final FileRepository files;
    private final StorageQuota quota;
    private final TypeDetector types;
    private final TransferSlots slots;
    private final Clock clock;
    private final boolean uploadsEnabled;
    private final MeterRegistry metrics;

    public UploadService(BlobStore blobs, FileRepository files, StorageQuota quota, TypeDetector types,
                         TransferSlots slots, Clock clock, boolean uploadsEnabled, MeterRegistry metrics) {
        this.blobs = blobs;
        this.files = files;
        this.quota = quota;
        this.types = types;
        this.slots = slots;
        this.clock = clock;
        this.uploadsEnabled = uploadsEnabled;
        this.metrics = metrics;
    }

    /**
     * Who uploads what, where to, and how it arrived ("api", "remote"); {@code sizeAtLeast} is what
     * the request already tells of the size (0 when nothing), so a file that cannot fit is refused
     * before its bytes are read.
     */
    public record Upload(User user, AccountPackage pkg, String clientName, Long folderId, String ip, String source,
                         long sizeAtLeast) {
    }

    /** Checks what the package and site allow before any byte is read; the name to store. */
    private String admit(Upload upload) {
        if (!uploadsEnabled) {
            throw refused(UploadRules.UPLOADS_DISABLED);
        }
        if (!upload.pkg().canUpload()) {
            throw refused(UploadRules.CANNOT_UPLOAD);
        }
        String name = FileNames.clean(upload.clientName()).orElseThrow(() -> Refusal.badInput(UploadRules.NO_FILE));
        String extension = FileNames.extensionOf(name);
        if (!upload.pkg().allowsExtension(extension)) {
            throw refused(UploadRules.TYPE_NOT_ALLOWED.formatted(extension));
        }
        return name;
    }

    /** The most bytes the upload may bring: the package's maximum upload size or the free storage. */
    private long byteLimit(Upload upload) {
        long maxUpload = maxUploadSize(upload.pkg());
        if (upload.sizeAtLeast() > maxUpload) {
            throw refused(UploadRules.TOO_LARGE.formatted(maxUpload));
        }
        long remaining = quota.remaining(upload.user(), upload.pkg());
        if (remaining <= 0 || upload.sizeAtLeast() > remaining) {
            throw StorageQuota.full();
        }
        return Math.min(maxUpload, remaining);
    }

    private static long maxUploadSize(AccountPackage pkg) {
        return pkg.maxUploadSize() > 0 ? pkg.maxUploadSize() : Long.MAX_VALUE;
    }

    /** A slot among the account's concurrent uploads, held while its bytes flow. */
    public TransferSlots.Slot uploadSlot(Upload upload) {
        return slots.tryAcquire("upload:" + upload.user().id(), upload.pkg().concurrentUploads())
                .orElseThrow(() -> refused(UploadRules.TOO_MANY_UPLOADS));
    }

    public StoredFile store(Upload upload, InputStream content) throws IOException {
        String name = admit(upload);
        long limit = byteLimit(upload);
        long maxUpload = maxUploadSize(upload.pkg());
        HeadCapture head = new HeadCapture(new MeteredInputStream(content, uploadedBytes(upload.source())),
                TypeDetector.HEAD_BYTES);
        StoredBlob blob;
        try {
            blob = blobs.write(head, limit == Long.MAX_VALUE ? WriteLimit.UNLIMITED : WriteLimit.ofBytes(limit),
                    written -> files.referenceBlob(written, clock.millis()));
        } catch (BlobTooLargeException e) {
            throw limit == maxUpload ? refused(UploadRules.TOO_LARGE.formatted(maxUpload)) : StorageQuota.full();
        }
        if (blob.size() == 0) {
            throw Refusal.badInput(UploadRules.EMPTY_FILE);
        }
        // Another upload or copy of the account may have taken the space meanwhile: the quota decides.
        return quota.add(new NewFile(upload.user().id(), upload.folderId(), name, types.detect(head.head(), name),
                blob.size(), blob.sha256(), upload.ip(), upload.source()), FileRepository.Naming.FREE_IN_FOLDER);
    }

    /** What an upload admitted before its bytes may store: its name, and at most this many bytes. */
    public record Admission(String name, long maxBytes) {
    }

    /**
     * For uploads whose bytes come later, in pieces (resumable uploads): the checks {@link #store}
     * makes before reading, with {@code sizeAtLeast} the declared or received size so far.
     */
    public Admission admitBeforeBytes(Upload upload) {
        String name = admit(upload);
        return new Admission(name, byteLimit(upload));
    }

    /** Publishes a blob whose bytes are staged in the store, recording its reference first; its identity. */
    @FunctionalInterface
    public interface StagedBlob {
        StoredBlob publish(BlobStore.BeforePublish beforePublish) throws IOException;
    }

    /**
     * Completes an upload whose bytes arrived in pieces and wait staged in the store: the file row
     * appears as for {@link #store}, its type detected from the published blob's first bytes.
     */
    public StoredFile storeStaged(Upload upload, StagedBlob staged) throws IOException {
        String name = admitBeforeBytes(upload).name();
        StoredBlob blob = staged.publish(written -> files.referenceBlob(written, clock.millis()));
        if (blob.size() == 0) {
            throw Refusal.badInput(UploadRules.EMPTY_FILE);
        }
        byte[] head;
        try (InputStream start = blobs.open(blob.sha256(), 0, Math.min(blob.size(), TypeDetector.HEAD_BYTES))) {
            head = start.readAllBytes();
        }
        return quota.add(new NewFile(upload.user().id(), upload.folderId(), name, types.detect(head, name),
                blob.size(), blob.sha256(), upload.ip(), upload.source()), FileRepository.Naming.FREE_IN_FOLDER);
    }

    private Counter uploadedBytes(String source) {
        return Counter.builder("filehost.upload.bytes").baseUnit("bytes").tag("source", source)
                .description("Bytes received for uploads, counted as they arrive").register(metrics);
    }

    private static Refusal refused(String message) {
        return UploadRules.refusal(message);
    }
}
