package dev.filehost.http.multipart;

import java.io.IOException;

/** The request body is not acceptable multipart/form-data: clients should get a 400, not a 500. */
public final class MalformedMultipartException extends IOException {

    public MalformedMultipartException(String message) {
        super(message);
    }

    public MalformedMultipartException(String message, Throwable cause) {
        super(message, cause);
    }
}
