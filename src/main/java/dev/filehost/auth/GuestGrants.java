package dev.filehost.auth;

import dev.filehost.core.ErrorKind;
import dev.filehost.core.RateLimiter;
import dev.filehost.core.Refusal;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Grants that let a visitor without an account upload from the website: the uploader's script asks for one
 * with the page's CSRF token and sends it to the resumable endpoint as its Bearer token. A grant has
 * {@value #GRANT_LENGTH} characters (an access token {@value AccessTokens#TOKEN_LENGTH}), is kept only as its
 * SHA-256 and lives while used at least once per idle period. It opens no API call: it only names the
 * visitor whose uploads it made.
 */
public final class GuestGrants {
    public static final int GRANT_LENGTH = 64;
    /** Grants one address may ask for per minute and node. */
    public static final int PER_MINUTE = 10;
    /** As for access tokens: a write per request would make every piece of an upload wait for a disk flush. */
    private static final Duration RENEWAL_INTERVAL = Duration.ofMinutes(1);

    private final GuestGrantRepository repository;
    private final RateLimiter perAddress;
    private final Clock clock;
    private final Duration idleTimeout;

    public GuestGrants(GuestGrantRepository repository, RateLimiter perAddress, Clock clock, Duration idleTimeout) {
        this.repository = repository;
        this.perAddress = perAddress;
        this.clock = clock;
        this.idleTimeout = idleTimeout;
    }

    /** Whether a Bearer token is a grant rather than an access token; it still has to be {@link #live}. */
    public static boolean isGrant(String token) {
        return token.length() == GRANT_LENGTH;
    }

    /** A new grant for the visitor at {@code ip}; a few per minute. */
    public String issue(String ip) {
        long wait = perAddress.acquire(ip);
        if (wait > 0) {
            throw Refusal.rateLimited(wait);
        }
        String grant = Secrets.randomAlphanumeric(GRANT_LENGTH);
        repository.insert(Secrets.sha256Hex(grant), ip, clock.millis());
        return grant;
    }

    /** The grant's hash, which its uploads record, once it is known to be live; its idle period starts anew. */
    public String live(String grant) {
        Refusal rejected = new Refusal(ErrorKind.UNAUTHORIZED, AuthService.TOKEN_REJECTED);
        if (!Secrets.isAlphanumeric(grant, GRANT_LENGTH)) {
            throw rejected;
        }
        String hash = Secrets.sha256Hex(grant);
        long now = clock.millis();
        long idleSince = now - idleTimeout.toMillis();
        Optional<Long> lastUsed = repository.lastUsedAt(hash).filter(used -> used > idleSince);
        boolean live = lastUsed.isPresent()
                && (now - lastUsed.get() < RENEWAL_INTERVAL.toMillis() || repository.touch(hash, now, idleSince));
        if (!live) {
            throw rejected;
        }
        return hash;
    }

    /** Removes grants nobody can use any more. */
    public int purgeIdle() {
        return repository.deleteIdleSince(clock.millis() - idleTimeout.toMillis());
    }
}
