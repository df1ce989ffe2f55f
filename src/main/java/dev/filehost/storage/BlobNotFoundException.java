package dev.filehost.storage;

import java.io.IOException;

/** Thrown when reading a blob that is not in the store. */
public class BlobNotFoundException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String sha256;

    public BlobNotFoundException(String sha256) {
        super("blob not found: " + sha256);
        this.sha256 = sha256;
    }

    public String sha256() {
        return sha256;
    }
}
