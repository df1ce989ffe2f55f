package dev.filehost.config;

/** The mail server the site sends through; {@code security} is "starttls", "tls" or "none". */
public record SmtpSettings(String host, int port, String username, String password, String from, String security) {
}
