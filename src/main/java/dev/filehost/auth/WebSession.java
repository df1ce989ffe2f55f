package dev.filehost.auth;

import dev.filehost.account.User;

/** A live sign-in to the website: its row id, its user, and the CSRF token its forms carry. */
public record WebSession(long id, User user, String csrfToken, long lastSeenAt) {
}
