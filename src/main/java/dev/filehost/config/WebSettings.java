package dev.filehost.config;

import java.time.Duration;
import java.util.Optional;

/**
 * The website's settings: how long a sign-in lasts without a request, whether visitors may create
 * accounts, and the mail server that sends password reset links (none: no reset is offered).
 */
public record WebSettings(Duration sessionIdleTimeout, boolean registrationOpen, Optional<SmtpSettings> smtp) {

    static WebSettings read(SettingReader settings) {
        String host = settings.get(SettingKeys.SMTP_HOST);
        Optional<SmtpSettings> smtp = host.isEmpty() ? Optional.empty() : Optional.of(new SmtpSettings(host,
                settings.get(SettingKeys.SMTP_PORT), settings.get(SettingKeys.SMTP_USERNAME),
                settings.get(SettingKeys.SMTP_PASSWORD), settings.get(SettingKeys.SMTP_FROM),
                settings.get(SettingKeys.SMTP_SECURITY)));
        return new WebSettings(settings.get(SettingKeys.WEB_SESSION_IDLE), settings.get(SettingKeys.WEB_REGISTRATION_OPEN),
                smtp);
    }
}
