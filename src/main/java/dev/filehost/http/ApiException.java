package dev.filehost.http;

/** A refusal that reaches the client as the error envelope with the contract's exact message. */
public final class ApiException extends RuntimeException {
    private final ErrorKind kind;

    public ApiException(ErrorKind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
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
}
