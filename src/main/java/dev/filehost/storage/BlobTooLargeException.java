package dev.filehost.storage;

import java.io.IOException;

/** Thrown when a write delivers more bytes than its {@link WriteLimit} allows. */
public class BlobTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    private final long limit;

    public BlobTooLargeException(long limit) {
        super("blob exceeds the limit of " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
