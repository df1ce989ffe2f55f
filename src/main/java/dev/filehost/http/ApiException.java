package dev.filehost.http;

/** A refusal that reaches the client as the error envelope with the contract's exact message. */
public final class ApiException extends RuntimeException {
    static final String RATE_LIMITED = "Maximum API request limit reached. Please try again later.";

    private final ErrorKind kind;
    private final long retryAfterSeconds;

    public ApiException(ErrorKind kind, String message) {
        this(kind, message, 0);
    }

    private ApiException(ErrorKind kind, String message, long retryAfterSeconds) {
        super(message, null, false, false);
        this.kind = kind;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** HTTP 429: the caller should wait this long before trying again. */
    public static ApiException rateLimited(long retryAfterSeconds) {
        return new ApiException(ErrorKind.TOO_MANY_REQUESTS, RATE_LIMITED, retryAfterSeconds);
    }

    public static ApiException badInput(String message) {
        return new ApiException(ErrorKind.BAD_INPUT, message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(ErrorKind.NOT_FOUND, message);
    }

    public ErrorKind kind() {
        return kind;
    }

    /** 0 unless the answer should carry Retry-After. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
