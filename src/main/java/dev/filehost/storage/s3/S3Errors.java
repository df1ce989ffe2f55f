package dev.filehost.storage.s3;

import java.io.IOException;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The SDK's unchecked failures as the I/O errors the {@code BlobStore} contract promises. */
final class S3Errors {

    private S3Errors() {
    }

    /** Runs one S3 request; a failure becomes an {@link IOException} that says what was attempted. */
    static <T> T call(String action, Supplier<T> request) throws IOException {
        try {
            return request.get();
        } catch (SdkException e) {
            throw io(action, e);
        }
    }

    static IOException io(String action, SdkException e) {
        return new IOException("S3 " + action + " failed: " + e.getMessage(), e);
    }

    static boolean hasStatus(SdkException e, int status) {
        return e instanceof S3Exception s3 && s3.statusCode() == status;
    }
}
