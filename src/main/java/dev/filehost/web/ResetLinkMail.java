package dev.filehost.web;

import dev.filehost.auth.PasswordResets;
import dev.filehost.mail.Mailer;
import jakarta.mail.MessagingException;

/** The mail that carries a password reset link, asked for by its owner or sent by an admin. */
public final class ResetLinkMail {
    private final Mailer mailer;
    private final String publicUrl;
    private final String siteName;

    public ResetLinkMail(Mailer mailer, String publicUrl, String siteName) {
        this.mailer = mailer;
        this.publicUrl = publicUrl;
        this.siteName = siteName;
    }

    void send(PasswordResets.Link link) throws MessagingException {
        mailer.send(link.user().email(), "Set a new password for " + siteName, text(link));
    }

    private String text(PasswordResets.Link link) {
        return "Hello " + link.user().username() + ",\n\n"
                + "someone, hopefully you, asked to set a new password for your account on " + siteName + ".\n"
                + "Open this link within an hour to choose one:\n\n"
                + publicUrl + "/account/reset_password?t=" + link.secret() + "\n\n"
                + "If you did not ask for it, ignore this mail: your password stays as it is.\n";
    }
}
