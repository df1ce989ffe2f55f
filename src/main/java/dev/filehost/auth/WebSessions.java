package dev.filehost.auth;

import dev.filehost.account.UserStatus;
import dev.filehost.core.RecentlyRead;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The website's sign-ins, kept in the database so that any node serves any request and an ending
 * is seen by all: at once on the node that ends it, within a second on the others, which read a
 * session again at most once a second (the read was a tenth of the file manager's CPU). A session
 * lapses after {@code idleTimeout} without a request.
 */
public final class WebSessions {
    public static final int SECRET_LENGTH = 48;
    private static final int CSRF_LENGTH = 43;
    /** As for access tokens: a write per page would make every page wait for a disk flush. */
    private static final Duration RENEWAL_INTERVAL = Duration.ofMinutes(1);
    private static final int MAX_USER_AGENT = 255;

    private final WebSessionRepository repository;
    private final AccessTokens tokens;
    private final Clock clock;
    private final Duration idleTimeout;
    /** By the SHA-256 of the session's secret. */
    private final RecentlyRead<String, WebSession> recent = new RecentlyRead<>();

    public WebSessions(WebSessionRepository repository, AccessTokens tokens, Clock clock, Duration idleTimeout) {
        this.repository = repository;
        this.tokens = tokens;
        this.clock = clock;
        this.idleTimeout = idleTimeout;
    }

    /** A new session; the returned secret goes into the cookie and nowhere else. */
    public String start(long userId, String ip, String userAgent) {
        String secret = Secrets.randomAlphanumeric(SECRET_LENGTH);
        String agent = userAgent == null ? null : userAgent.substring(0, Math.min(userAgent.length(), MAX_USER_AGENT));
        repository.insert(Secrets.sha256Hex(secret), userId, Secrets.randomAlphanumeric(CSRF_LENGTH), clock.millis(), ip,
                agent);
        return secret;
    }

    /** The live session of an active user that this secret opens; its idle period starts anew. */
    public Optional<WebSession> find(String secret) {
        if (!Secrets.isAlphanumeric(secret, SECRET_LENGTH)) {
            return Optional.empty();
        }
        String hash = Secrets.sha256Hex(secret);
        long now = clock.millis();
        long idleSince = idleSince(now);
        return recent.get(hash, now)
                .or(() -> repository.find(hash).map(session -> recent.put(hash, session, now)))
                .filter(session -> session.lastSeenAt() > idleSince && session.user().status() == UserStatus.ACTIVE)
                .filter(session -> now - session.lastSeenAt() < RENEWAL_INTERVAL.toMillis() || renewed(hash, session, now));
    }

    private boolean renewed(String hash, WebSession session, long now) {
        if (!repository.touch(session.id(), now, idleSince(now))) {
            recent.forget(hash);
            return false;
        }
        recent.put(hash, new WebSession(session.id(), session.user(), session.csrfToken(), now), now);
        return true;
    }

    public List<WebSessionRepository.SessionRow> live(long userId) {
        return repository.listLive(userId, idleSince(clock.millis()));
    }

    /**
     * An API access token for the session's pages to call the API with (uploads, URL imports): an
     * ordinary token of the user, the session's only one, revoked when the session ends.
     */
    public String apiToken(WebSession session, String ip) {
        long userId = session.user().id();
        String token = tokens.issue(userId, ip);
        repository.replaceApiToken(session.id(), Secrets.sha256Hex(token))
                .ifPresent(old -> tokens.revokeByHash(old, userId));
        return token;
    }

    /** Ends the user's session on every node at once, and the API token it had. */
    public void end(long sessionId, long userId) {
        recent.forgetIf(session -> session.id() == sessionId);
        ended(repository.delete(sessionId, userId), userId);
    }

    public void endAll(long userId) {
        forgetSessionsOf(userId);
        ended(repository.delete(null, userId), userId);
    }

    /** Drops what this node remembers of the user's sessions, after the user changed. */
    public void forgetSessionsOf(long userId) {
        recent.forgetIf(session -> session.user().id() == userId);
    }

    private void ended(List<String> apiTokenHashes, long userId) {
        apiTokenHashes.forEach(hash -> tokens.revokeByHash(hash, userId));
    }

    /** Removes sessions nobody can use any more. */
    public int purgeIdle() {
        return repository.deleteIdleSince(idleSince(clock.millis()));
    }

    private long idleSince(long now) {
        return now - idleTimeout.toMillis();
    }
}
