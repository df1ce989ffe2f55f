package dev.filehost.storage.s3;

import dev.filehost.storage.BlobStore;
import dev.filehost.storage.HashingCopy;
import dev.filehost.storage.RunningDigests;
import dev.filehost.storage.StoredBlob;
import dev.filehost.storage.WriteLimit;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;

/**
 * Resumable uploads staged in the bucket: {@code staging/<id>} is a multipart upload of full parts,
 * {@code staging/<id>.tail-<n>} the bytes below a part's size, {@code staging/<id>.state} which parts
 * and which tail count ({@link StagedState}). An append sends the full parts it fills, then writes
 * the new tail and finally the new state: until then the previous state stands, so an append that
 * fails or is refused leaves the upload as it was. Completing sends the tail as the last part and
 * copies the assembled object to its blob key inside the store.
 */
final class S3Staging {
    static final String PREFIX = "staging/";

    private final S3Client s3;
    private final String bucket;
    private final int partSize;

    S3Staging(S3Client s3, String bucket, int partSize) {
        this.s3 = s3;
        this.bucket = bucket;
        this.partSize = partSize;
    }

    void create(String id) throws IOException {
        String uploadId = S3Errors.call("starting a staged upload",
                () -> s3.createMultipartUpload(b -> b.bucket(bucket).key(key(id))).uploadId());
        writeState(id, StagedState.started(uploadId));
    }

    long append(String id, long offset, InputStream in, WriteLimit limit, RunningDigests digests,
                BooleanSupplier keep) throws IOException {
        StagedState state = readState(id);
        long tailKept = offset - state.partBytes();
        if (tailKept < 0 || offset > state.size()) {
            throw new IOException("upload " + id + " has " + state.size() + " bytes staged, " + offset + " recorded");
        }
        StagedPartWriter parts = new StagedPartWriter(s3, bucket, key(id), state.uploadId(), partSize,
                state.nextPartNumber());
        if (tailKept > 0) {
            try (InputStream tail = openTail(id, state, tailKept)) {
                tail.transferTo(parts);
            }
        }
        HashingCopy.append(in, parts, limit, digests);
        if (!keep.getAsBoolean()) {
            return state.size();
        }
        StagedState appended = state.appended(parts.sent(), parts.tailSize());
        if (parts.tailSize() > 0) {
            S3Errors.call("writing a staged tail", () -> s3.putObject(b -> b.bucket(bucket)
                    .key(tailKey(id, appended)), parts.tail()));
        }
        writeState(id, appended);
        deleteQuietly(tailKey(id, state));
        return appended.size();
    }

    long stagedSize(String id) throws IOException {
        return readState(id).size();
    }

    StoredBlob publish(String id, Optional<StoredBlob> known, BlobStore.BeforePublish beforePublish,
                       S3BlobStore store) throws IOException {
        StagedState state = readState(id);
        List<CompletedPart> parts = new ArrayList<>(state.parts().stream().map(StagedState.StagedPart::completed).toList());
        if (state.tailSize() > 0) {
            byte[] tail;
            try (InputStream in = openTail(id, state, state.tailSize())) {
                tail = in.readAllBytes();
            }
            parts.add(StagedPartWriter.send(s3, bucket, key(id), state.uploadId(), state.nextPartNumber(), tail,
                    tail.length).completed());
        }
        S3Errors.call("completing a staged upload", () -> s3.completeMultipartUpload(b -> b.bucket(bucket).key(key(id))
                .uploadId(state.uploadId()).multipartUpload(m -> m.parts(parts))));
        StoredBlob blob = known.isPresent() ? known.get() : digest(id);
        beforePublish.run(blob);
        store.moveIntoPlace(key(id), blob);
        deleteQuietly(tailKey(id, state));
        deleteQuietly(stateKey(id));
        return blob;
    }

    void delete(String id) throws IOException {
        StagedState state;
        try {
            state = readState(id);
        } catch (NoSuchKeyException gone) {
            return;
        }
        try {
            s3.abortMultipartUpload(b -> b.bucket(bucket).key(key(id)).uploadId(state.uploadId()));
        } catch (NoSuchUploadException completedOrAborted) {
            deleteQuietly(key(id));
        }
        deleteQuietly(tailKey(id, state));
        deleteQuietly(stateKey(id));
    }

    private StoredBlob digest(String id) throws IOException {
        try (InputStream in = s3.getObject(b -> b.bucket(bucket).key(key(id)))) {
            return HashingCopy.copy(in, OutputStream.nullOutputStream(), WriteLimit.UNLIMITED);
        }
    }

    private InputStream openTail(String id, StagedState state, long length) {
        return s3.getObject(b -> b.bucket(bucket).key(tailKey(id, state)).range("bytes=0-" + (length - 1)));
    }

    /** @throws NoSuchKeyException when the upload is not staged */
    private StagedState readState(String id) throws IOException {
        try {
            return StagedState.parse(s3.getObjectAsBytes(b -> b.bucket(bucket).key(stateKey(id)))
                    .asString(StandardCharsets.UTF_8));
        } catch (NoSuchKeyException e) {
            throw e;
        } catch (software.amazon.awssdk.core.exception.SdkException e) {
            throw S3Errors.io("reading a staged upload's state", e);
        }
    }

    private void writeState(String id, StagedState state) throws IOException {
        S3Errors.call("writing a staged upload's state", () -> s3.putObject(b -> b.bucket(bucket).key(stateKey(id)),
                RequestBody.fromBytes(state.text().getBytes(StandardCharsets.UTF_8))));
    }

    private void deleteQuietly(String key) {
        try {
            s3.deleteObject(b -> b.bucket(bucket).key(key));
        } catch (software.amazon.awssdk.core.exception.SdkException e) {
            // Left for the upload's expiry or an operator: nothing reads it any more.
        }
    }

    private static String key(String id) {
        return PREFIX + id;
    }

    private static String stateKey(String id) {
        return PREFIX + id + ".state";
    }

    private static String tailKey(String id, StagedState state) {
        return PREFIX + id + ".tail-" + state.tailGeneration();
    }
}
