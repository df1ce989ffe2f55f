package dev.filehost.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Access tokens: 128 characters, kept only as hashes, alive while used at least once per
 * idle period, several per user so that two clients with the same keys coexist.
 */
public final class AccessTokens {
    public static final int TOKEN_LENGTH = 128;
    private static final Duration RENEWAL_INTERVAL = Duration.ofMinutes(1);

    private final AccessTokenRepository repository;
    private final Clock clock;
    private final Duration idleTimeout;
    private final int maxPerUser;

    public AccessTokens(AccessTokenRepository repository, Clock clock, Duration idleTimeout, int maxPerUser) {
        this.repository = repository;
        this.clock = clock;
        this.idleTimeout = idleTimeout;
        this.maxPerUser = maxPerUser;
    }

    public String issue(long userId, String ip) {
        String token = Secrets.randomAlphanumeric(TOKEN_LENGTH);
        repository.insert(Secrets.sha256Hex(token), userId, clock.millis(), ip, maxPerUser);
        return token;
    }

    /**
     * The token's holder when the token is live and the user's own; the idle period starts anew.
     * The renewal is written at most once a minute: a write per call would make every API call
     * wait for a disk flush, and a minute is nothing against an hour.
     */
    public Optional<TokenHolder> renew(String token, long userId) {
        if (!Secrets.isAlphanumeric(token, TOKEN_LENGTH)) {
            return Optional.empty();
        }
        String hash = Secrets.sha256Hex(token);
        long now = clock.millis();
        long idleSince = now - idleTimeout.toMillis();
        return repository.findHolder(hash, userId)
                .filter(holder -> holder.tokenLastUsedAt() > idleSince)
                .filter(holder -> now - holder.tokenLastUsedAt() < RENEWAL_INTERVAL.toMillis()
                        || repository.touch(hash, userId, now, idleSince));
    }

    public void revoke(String token, long userId) {
        if (Secrets.isAlphanumeric(token, TOKEN_LENGTH)) {
            repository.delete(Secrets.sha256Hex(token), userId);
        }
    }

    public void revokeAll(long userId) {
        repository.deleteForUser(userId);
    }

    /** Removes tokens nobody can use any more. */
    public int purgeIdle() {
        return repository.deleteIdleSince(clock.millis() - idleTimeout.toMillis());
    }
}
