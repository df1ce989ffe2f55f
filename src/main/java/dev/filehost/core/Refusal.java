package dev.filehost.core;

/**
 * A request the rules refuse, with the contract's exact message. Services throw it without knowing the
 * transport; the API answers it with the error envelope, a background worker notes its message.
 */
public final class Refusal extends RuntimeException {
    static final String RATE_LIMITED = "Maximum API request limit reached. Please try again later.";

    private final ErrorKind kind;
    private final long retryAfterSeconds;

    public Refusal(ErrorKind kind, String message) {
        this(kind, message, 0);
    }

    private Refusal(ErrorKind kind, String message, long retryAfterSeconds) {
        super(message, null, false, false);
        this.kind = kind;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** HTTP 429: the caller should wait this long before trying again. */
    public static Refusal rateLimited(long retryAfterSeconds) {
        return new Refusal(ErrorKind.TOO_MANY_REQUESTS, RATE_LIMITED, retryAfterSeconds);
    }

    public static Refusal badInput(String message) {
        return new Refusal(ErrorKind.BAD_INPUT, message);
    }

    /** The contract's answer to a parameter that is missing or blank. */
    public static Refusal missingParam(String name) {
        return badInput("Please provide the " + name + " param.");
    }

    public static Refusal notFound(String message) {
        return new Refusal(ErrorKind.NOT_FOUND, message);
    }

    public ErrorKind kind() {
        return kind;
    }

    /** 0 unless the answer should carry Retry-After. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
