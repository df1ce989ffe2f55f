package dev.filehost.http;

import dev.filehost.core.Refusal;

/**
 * Checks the access_token and account_id of an authenticated endpoint and names the caller, or refuses
 * with a {@link Refusal}. The transport knows callers only as {@code C}: accounts and tokens stay
 * with the features.
 */
@FunctionalInterface
public interface Authenticator<C> {
    C authenticate(String accessToken, String accountId);
}
