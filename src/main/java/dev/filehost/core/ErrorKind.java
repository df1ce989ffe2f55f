package dev.filehost.core;

/** What went wrong, in the terms of standard HTTP codes. */
public enum ErrorKind {
    BAD_INPUT(400, false),
    UNAUTHORIZED(401, false),
    FORBIDDEN(403, false),
    NOT_FOUND(404, false),
    UNKNOWN_ENDPOINT(404, true),
    METHOD_NOT_ALLOWED(405, true),
    TOO_MANY_REQUESTS(429, true),
    SERVER_FAULT(500, true);

    private final int httpStatus;
    private final boolean alwaysSent;

    ErrorKind(int httpStatus, boolean alwaysSent) {
        this.httpStatus = httpStatus;
        this.alwaysSent = alwaysSent;
    }

    /** The status to send: errors an endpoint lists answer 200 unless standard codes are enabled. */
    public int httpStatus(boolean standardCodes) {
        return standardCodes || alwaysSent ? httpStatus : 200;
    }
}
