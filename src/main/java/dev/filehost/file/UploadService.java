package dev.filehost.file;

import dev.filehost.account.AccountPackage;
import dev.filehost.account.User;
import dev.filehost.ban.BanScope;
import dev.filehost.ban.Bans;
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
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Makes files of received bytes under the uploader's package limits, for every source (API uploads,
 * URL imports, resumable uploads, the website). {@link #receive} owns the whole way, in this order:
 * admission, the concurrent-upload slot, the store, the folder, and the result with its MD5.
 *
 * <ul>
 * <li>An uploader known before the bytes is admitted before a byte is read (site switch, {@code can_upload},
 *     file type, declared size, free storage) and its bytes are bounded while they flow.
 * <li>An uploader known only once the bytes have ended (a form that sends its credentials after the file)
 *     has them staged first, under no hash and referenced by nothing; then the same checks run, with the
 *     same texts, and a refusal removes every staged byte at once.
 * <li>Either way, the staged size is checked against the package's maximum and the free storage before
 *     the blob is published, and the file row is added atomically with the storage quota.
 * <li>Concurrent uploads: a source that {@link UploadSource#holdsUploadSlot holds a slot} (API uploads)
 *     takes one of its account's {@code concurrent_uploads} at admission and keeps it until its file
 *     exists; one admitted after its bytes takes it then, and is refused like the others when none is free.
 *     URL imports take none: the import queue's workers pace them, not the client, and an import must
 *     not fail because its owner is uploading from a browser meanwhile.
 * </ul>
 *
 * <p>A source whose bytes arrive in pieces over several requests (resumable uploads) walks the same way
 * in steps: {@link #admit} before each piece, one {@link #uploadSlot} held while each piece flows, then
 * {@link #storeStaged} once the last byte is staged under the upload's own id.
 */
public final class UploadService {
    private final BlobStore blobs;
    private final FileRepository files;
    private final StorageQuota quota;
    private final TypeDetector types;
    private final TransferSlots slots;
    private final FolderLookup folders;
    private final Clock clock;
    private final BooleanSupplier uploadsEnabled;
    private final Bans bans;
    private final MeterRegistry metrics;

    public UploadService(BlobStore blobs, FileRepository files, StorageQuota quota, TypeDetector types,
                         TransferSlots slots, FolderLookup folders, Clock clock, BooleanSupplier uploadsEnabled,
                         Bans bans, MeterRegistry metrics) {
        this.bans = bans;
        this.blobs = blobs;
        this.files = files;
        this.quota = quota;
        this.types = types;
        this.slots = slots;
        this.folders = folders;
        this.clock = clock;
        this.uploadsEnabled = uploadsEnabled;
        this.metrics = metrics;
    }

    /**
     * Who uploads what, where to (a folder of the user's, null for the root), and how it arrived;
     * {@code sizeAtLeast} is what the request already tells of the size (0 when nothing), so a file
     * that cannot fit is refused before its bytes are read.
     */
    public record Upload(User user, AccountPackage pkg, String clientName, Long folderId, String ip,
                         UploadSource source, long sizeAtLeast) {
    }

    /** An upload the rules let in: the name to store it under and the most bytes it may bring. */
    public record Admission(Upload upload, String name, long byteLimit) {
    }

    /** The new file and the MD5 of its bytes. */
    public record Received(StoredFile file, String md5) {
    }

    /** Who sends the bytes, known before them or only once they have ended. */
    public interface Sender {
        UploadSource source();

        /** The upload, when it is known before its bytes; empty when it is known only after them. */
        Optional<Upload> beforeTheBytes();

        /** The upload once the bytes have ended: the same uploader, and the folder, which may have come late. */
        Upload afterTheBytes() throws IOException;

        /** A sender known from the start. */
        static Sender known(Upload upload) {
            return new Sender() {
                @Override
                public UploadSource source() {
                    return upload.source();
                }

                @Override
                public Optional<Upload> beforeTheBytes() {
                    return Optional.of(upload);
                }

                @Override
                public Upload afterTheBytes() {
                    return upload;
                }
            };
        }
    }

    /** Takes {@code content} to its end and makes it a file, or refuses it and keeps none of it. */
    public Received receive(InputStream content, Sender sender) throws IOException {
        Optional<Admission> early = sender.beforeTheBytes().map(this::admit);
        HeadCapture head = new HeadCapture(new MeteredInputStream(content, uploadedBytes(sender.source())),
                TypeDetector.HEAD_BYTES);
        WriteLimit limit = early.map(UploadService::writeLimit).orElse(WriteLimit.UNLIMITED);
        try (TransferSlots.Slot slot = early.map(Admission::upload).map(this::uploadSlot).orElse(null);
             BlobStore.Staged staged = blobs.stage(head, limit)) {
            Upload upload = sender.afterTheBytes();
            if (early.isPresent()) {
                Admission admitted = early.get();
                return complete(new Admission(upload, admitted.name(), admitted.byteLimit()), staged, head.head());
            }
            Admission admitted = admit(upload);
            try (TransferSlots.Slot late = uploadSlot(admitted.upload())) {
                return complete(admitted, staged, head.head());
            }
        } catch (BlobTooLargeException e) {
            throw pastLimit(early.orElseThrow(() -> e));
        }
    }

    /** Checks what the package, the site and its bans allow before any byte is read. */
    public Admission admit(Upload upload) {
        refuseBannedAddress(upload.ip());
        if (!uploadsEnabled.getAsBoolean()) {
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
        return new Admission(upload, name, byteLimit(upload, upload.sizeAtLeast()));
    }

    /** Refuses an address banned from uploading; every step of a resumable upload asks, not only those with bytes. */
    public void refuseBannedAddress(String ip) {
        bans.refuse(ip, BanScope.UPLOAD);
    }

    /**
     * Makes the staged bytes of an admitted upload a file: refused when empty or past what the package and
     * the free storage allow now (the stage then still holds the bytes, for its owner to close); else
     * published under their hash, referenced, and added as a file in the upload's folder.
     * {@code head} is the first bytes of the content, for its type. Only an upload or copy of the same
     * account that takes the last free storage between the check and the row still refuses the file
     * after publishing; its blob is then unused and goes with the blob sweep.
     */
    public Received complete(Admission admission, BlobStore.Staged staged, byte[] head) throws IOException {
        StoredBlob blob = staged.blob();
        requireFits(admission, blob);
        staged.publish(published -> files.referenceBlob(published, clock.millis()));
        return addFile(admission, blob, head);
    }

    private void requireFits(Admission admission, StoredBlob blob) {
        if (blob.size() == 0) {
            throw Refusal.badInput(UploadRules.EMPTY_FILE);
        }
        byteLimit(admission.upload(), blob.size());
    }

    private Received addFile(Admission admission, StoredBlob blob, byte[] head) {
        Upload upload = admission.upload();
        // Another upload or copy of the account may have taken the space meanwhile: the quota decides.
        StoredFile file = quota.add(new NewFile(upload.user().id(), upload.folderId(), admission.name(),
                types.detect(head, admission.name()), blob.size(), blob.sha256(), upload.ip(),
                upload.source().recorded()), FileRepository.Naming.FREE_IN_FOLDER);
        folders.fileArrivedIn(file.folderId());
        return new Received(file, blob.md5());
    }

    /** Publishes bytes staged piece by piece under an id of their own, recording their reference first. */
    @FunctionalInterface
    public interface StagedPieces {
        StoredBlob publish(BlobStore.BeforePublish beforePublish) throws IOException;
    }

    /**
     * Makes the complete bytes of a resumable upload a file, checked as {@link #complete} checks them;
     * a refusal leaves the bytes staged, for the caller to remove. The type is detected from the
     * published blob's first bytes.
     */
    public Received storeStaged(Upload upload, StagedPieces staged) throws IOException {
        Admission admission = admit(upload);
        StoredBlob blob = staged.publish(published -> {
            requireFits(admission, published);
            files.referenceBlob(published, clock.millis());
        });
        byte[] head;
        try (InputStream start = blobs.open(blob.sha256(), 0, Math.min(blob.size(), TypeDetector.HEAD_BYTES))) {
            head = start.readAllBytes();
        }
        return addFile(admission, blob, head);
    }

    /**
     * The most bytes the upload may bring, the maximum upload size or the free storage; refused when
     * {@code size} is past it.
     */
    private long byteLimit(Upload upload, long size) {
        long maxUpload = maxUploadSize(upload.pkg());
        if (size > maxUpload) {
            throw refused(UploadRules.TOO_LARGE.formatted(maxUpload));
        }
        long remaining = quota.remaining(upload.user(), upload.pkg());
        if (remaining <= 0 || size > remaining) {
            throw StorageQuota.full();
        }
        return Math.min(maxUpload, remaining);
    }

    /** The refusal of bytes that outgrew the admission's limit while they flowed: whichever set it. */
    private static Refusal pastLimit(Admission admission) {
        long maxUpload = maxUploadSize(admission.upload().pkg());
        return admission.byteLimit() == maxUpload
                ? refused(UploadRules.TOO_LARGE.formatted(maxUpload))
                : StorageQuota.full();
    }

    private static WriteLimit writeLimit(Admission admission) {
        long bytes = admission.byteLimit();
        return bytes == Long.MAX_VALUE ? WriteLimit.UNLIMITED : WriteLimit.ofBytes(bytes);
    }

    private static long maxUploadSize(AccountPackage pkg) {
        return pkg.maxUploadSize() > 0 ? pkg.maxUploadSize() : Long.MAX_VALUE;
    }

    /**
     * One of the account's concurrent uploads, held while the bytes flow and until the file exists;
     * null for a source that holds none.
     */
    public TransferSlots.Slot uploadSlot(Upload upload) {
        if (!upload.source().holdsUploadSlot()) {
            return null;
        }
        return slots.tryAcquire("upload:" + upload.user().id(), upload.pkg().concurrentUploads())
                .orElseThrow(() -> refused(UploadRules.TOO_MANY_UPLOADS));
    }

    private Counter uploadedBytes(UploadSource source) {
        return Counter.builder("filehost.upload.bytes").baseUnit("bytes").tag("source", source.recorded())
                .description("Bytes received for uploads, counted as they arrive").register(metrics);
    }

    private static Refusal refused(String message) {
        return UploadRules.refusal(message);
    }
}
