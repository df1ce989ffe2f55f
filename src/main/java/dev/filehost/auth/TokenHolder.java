package dev.filehost.auth;

import dev.filehost.account.User;

/** The user an access token belongs to, as one query reads it on every API call. */
public record TokenHolder(User user, long tokenLastUsedAt, boolean packageHasApiAccess) {
    TokenHolder renewedAt(long now) {
        return new TokenHolder(user, now, packageHasApiAccess);
    }
}
