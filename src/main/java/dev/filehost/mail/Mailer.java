package dev.filehost.mail;

import dev.filehost.config.SmtpSettings;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** Sends the site's plain-text mail through the configured SMTP server. */
public final class Mailer {
    private static final String TIMEOUT_MILLIS = "15000";

    private final Session session;
    private final InternetAddress from;

    public Mailer(SmtpSettings smtp) {
        Properties props = new Properties();
        String protocol = smtp.security().equals("tls") ? "smtps" : "smtp";
        props.put("mail.transport.protocol", protocol);
        props.put("mail." + protocol + ".host", smtp.host());
        props.put("mail." + protocol + ".port", Integer.toString(smtp.port()));
        props.put("mail." + protocol + ".connectiontimeout", TIMEOUT_MILLIS);
        props.put("mail." + protocol + ".timeout", TIMEOUT_MILLIS);
        props.put("mail." + protocol + ".writetimeout", TIMEOUT_MILLIS);
        if (smtp.security().equals("starttls")) {
            props.put("mail.smtp.starttls.enable", "true");
            props.put("mail.smtp.starttls.required", "true");
        }
        boolean login = !smtp.username().isEmpty();
        props.put("mail." + protocol + ".auth", Boolean.toString(login));
        this.session = Session.getInstance(props, login ? new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(smtp.username(), smtp.password());
            }
        } : null);
        try {
            this.from = new InternetAddress(smtp.from(), true);
        } catch (MessagingException e) {
            throw new IllegalArgumentException("filehost.smtp.from is not an email address: " + smtp.from(), e);
        }
    }

    public void send(String to, String subject, String text) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(from);
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
        message.setSubject(subject, StandardCharsets.UTF_8.name());
        message.setText(text, StandardCharsets.UTF_8.name());
        Transport.send(message);
    }
}
