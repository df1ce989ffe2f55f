package dev.filehost.config;

/** A setting that cannot be used; the message is one line that names it. */
public final class SettingsException extends RuntimeException {
    public SettingsException(String message) {
        super(message);
    }
}
