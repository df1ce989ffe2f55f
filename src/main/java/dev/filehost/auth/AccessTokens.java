package dev.filehost.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Access tokens: 128 characters, kept only as hashes, alive while used at least once per
 * idle period, several per user so that two clients with the same keys coexist.
 */
public final class AccessTokens {
    public static final int TOKEN_LENGTH = 128;
    private static final Duration RENEWAL_INTERVAL = Duration.ofMinutes(1);

    private final AccessTokenRepository repository;
    private final RecentHolders recent = new RecentHolders();
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
        // The insert may have dropped the user's oldest token.
        recent.forgetUser(userId);
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
        return recent.get(hash, userId, now)
                .or(() -> repository.findHolder(hash, userId).map(holder -> recent.put(hash, holder, now)))
                .filter(holder -> holder.tokenLastUsedAt() > idleSince)
                .flatMap(holder -> now - holder.tokenLastUsedAt() < RENEWAL_INTERVAL.toMillis()
                        ? Optional.of(holder) : touch(hash, holder, now, idleSince));
    }

    /** The account a token was issued to, live or not; {@link #renew} decides whether it still counts. */
    public Optional<Long> holderId(String token) {
        if (!Secrets.isAlphanumeric(token, TOKEN_LENGTH)) {
            return Optional.empty();
        }
        String hash = Secrets.sha256Hex(token);
        return recent.userOf(hash, clock.millis()).or(() -> repository.findUserId(hash));
    }

    private Optional<TokenHolder> touch(String hash, TokenHolder holder, long now, long idleSince) {
        if (!repository.touch(hash, holder.user().id(), now, idleSince)) {
            recent.forget(hash);
            return Optional.empty();
        }
        return Optional.of(recent.put(hash, holder.renewedAt(now), now));
    }

    /** Whether the token was the user's and live until now. */
    public boolean revoke(String token, long userId) {
        if (!Secrets.isAlphanumeric(token, TOKEN_LENGTH)) {
            return false;
        }
        String hash = Secrets.sha256Hex(token);
        recent.forget(hash);
        return repository.delete(hash, userId);
    }

    /** Revokes a token named by its hash, as the owner's list of live tokens names them. */
    public boolean revokeByHash(String tokenHash, long userId) {
        recent.forget(tokenHash);
        return repository.delete(tokenHash, userId);
    }

    public List<AccessTokenRepository.TokenRow> live(long userId) {
        return repository.listLive(userId, clock.millis() - idleTimeout.toMillis());
    }

    public void revokeAll(long userId) {
        repository.deleteForUser(userId);
        recent.forgetUser(userId);
    }

    /** Drops what this node remembers of the user's tokens, after the user or its package changed. */
    public void forgetHoldersOf(long userId) {
        recent.forgetUser(userId);
    }

    /** Drops what this node remembers of every token, after a package changed. */
    public void forgetAllHolders() {
        recent.forgetAll();
    }

    /** Removes tokens nobody can use any more. */
    public int purgeIdle() {
        return repository.deleteIdleSince(clock.millis() - idleTimeout.toMillis());
    }
}
