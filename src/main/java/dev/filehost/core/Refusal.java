package dev.filehost.core;

import java.util.Optional;

/**
 * A request the rules refuse, with the contract's exact message. Services throw it without knowing the
 * transport; the API answers it with the error envelope, a background worker notes its message.
 */
public final class Refusal extends RuntimeException {
    static final String RATE_LIMITED = "Maximum API request limit reached. Please try again later.";

    private final ErrorKind kind;
    private final long retryAfterSeconds;
    private final Reason reason;

    /**
     * A refusal whose words depend on the request (the parameter that named a folder, say): the service
     * names the reason, the API gives it the contract's text with {@link Wording}. A feature's enum implements it.
     */
    public interface Reason {
        ErrorKind kind();

        /** The text when no API words it: for logs and background work. */
        String text();
    }

    public Refusal(ErrorKind kind, String message) {
        this(kind, message, 0, null);
    }

    private Refusal(ErrorKind kind, String message, long retryAfterSeconds, Reason reason) {
        super(message, null, false, false);
        this.kind = kind;
        this.retryAfterSeconds = retryAfterSeconds;
        this.reason = reason;
    }

    public static Refusal because(Reason reason) {
        return new Refusal(reason.kind(), reason.text(), 0, reason);
    }

    /** HTTP 429: the caller should wait this long before trying again. */
    public static Refusal rateLimited(long retryAfterSeconds) {
        return new Refusal(ErrorKind.TOO_MANY_REQUESTS, RATE_LIMITED, retryAfterSeconds, null);
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

    /** The same refusal in other words. */
    Refusal worded(String message) {
        return new Refusal(kind, message, retryAfterSeconds, reason);
    }

    /** Empty for a refusal that has its contract text already. */
    public Optional<Reason> reason() {
        return Optional.ofNullable(reason);
    }

    public ErrorKind kind() {
        return kind;
    }

    /** 0 unless the answer should carry Retry-After. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
