package dev.filehost.config;

/** The mail server the site sends through; {@code security} is "starttls", "tls" or "none". */
public record SmtpSettings(String host, int port, String username, String password, String from, String security) {

    /** Settings end up in logs and error reports; the password must not. */
    @Override
    public String toString() {
        return "SmtpSettings[host=" + host + ", port=" + port + ", username=" + username + ", password="
                + (password.isEmpty() ? "" : "***") + ", from=" + from + ", security=" + security + "]";
    }
}
