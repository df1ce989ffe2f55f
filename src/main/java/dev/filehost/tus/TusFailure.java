package dev.filehost.tus;

/** The refusals the tus protocol defines, with their status codes. */
enum TusFailure {
    BAD_REQUEST(400),
    NOT_FOUND(404),
    CONFLICT(409),
    GONE(410),
    PRECONDITION_FAILED(412),
    TOO_LARGE(413),
    UNSUPPORTED_MEDIA_TYPE(415),
    LOCKED(423),
    CHECKSUM_MISMATCH(460);

    static final String UNKNOWN_UPLOAD = "No such upload.";

    final int status;

    TusFailure(int status) {
        this.status = status;
    }

    TusException because(String message) {
        return new TusException(this, message);
    }

    /** A tus refusal on its way to the client. */
    static final class TusException extends RuntimeException {
        private final TusFailure failure;

        TusException(TusFailure failure, String message) {
            super(message, null, false, false);
            this.failure = failure;
        }

        int status() {
            return failure.status;
        }
    }
}
