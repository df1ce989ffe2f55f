package dev.filehost.config;

import java.time.Duration;
import java.util.Optional;

/**
 * The website's settings: how long a sign-in lasts without a request, whether visitors may create
 * accounts, and the mail server that sends password reset links (none: no reset is offered).
 */
public record WebSettings(Duration sessionIdleTimeout, boolean registrationOpen, Optional<SmtpSettings> smtp) {
}
