package dev.filehost.auth;

import dev.filehost.account.UserRepository;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** SQL for the website's sessions, found by the SHA-256 of the cookie's secret. */
public final class WebSessionRepository {
    private final Jdbi jdbi;

    public WebSessionRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public void insert(String secretHash, long userId, String csrfToken, long now, String ip, String userAgent) {
        jdbi.useTransaction(h -> h.createUpdate("""
                        INSERT INTO web_sessions (secret_hash, user_id, csrf_token, created_at, last_seen_at, ip, user_agent)
                        VALUES (:hash, :user, :csrf, :now, :now, :ip, :agent)""")
                .bind("hash", secretHash).bind("user", userId).bind("csrf", csrfToken).bind("now", now)
                .bind("ip", ip).bind("agent", userAgent).execute());
    }

    /** The session and its user, with the user row in the same query: it runs on every signed-in page. */
    public Optional<WebSession> find(String secretHash) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT u.*, s.id AS session_id, s.csrf_token, s.last_seen_at AS session_last_seen_at
                        FROM web_sessions s JOIN users u ON u.id = s.user_id WHERE s.secret_hash = :hash""")
                .bind("hash", secretHash)
                .map((rs, ctx) -> new WebSession(rs.getLong("session_id"), UserRepository.map(rs),
                        rs.getString("csrf_token"), rs.getLong("session_last_seen_at")))
                .findOne());
    }

    /** Renews a session that is still live; false when it ended meanwhile. */
    public boolean touch(long sessionId, long now, long idleSince) {
        return jdbi.inTransaction(h -> h.createUpdate(
                        "UPDATE web_sessions SET last_seen_at = :now WHERE id = :id AND last_seen_at > :idleSince")
                .bind("now", now).bind("id", sessionId).bind("idleSince", idleSince).execute()) == 1;
    }

    public List<SessionRow> listLive(long userId, long idleSince) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT id, created_at, last_seen_at, ip, user_agent FROM web_sessions
                        WHERE user_id = :user AND last_seen_at > :idleSince ORDER BY last_seen_at DESC, id""")
                .bind("user", userId).bind("idleSince", idleSince)
                .map((rs, ctx) -> new SessionRow(rs.getLong("id"), rs.getLong("created_at"), rs.getLong("last_seen_at"),
                        rs.getString("ip"), rs.getString("user_agent")))
                .list());
    }

    /** Records the session's new API token; the hash of the one it had before, if any. */
    public Optional<String> replaceApiToken(long sessionId, String tokenHash) {
        return jdbi.inTransaction(h -> {
            Optional<String> old = h.createQuery("SELECT api_token_hash FROM web_sessions WHERE id = :id")
                    .bind("id", sessionId).mapTo(String.class).findOne();
            h.createUpdate("UPDATE web_sessions SET api_token_hash = :hash WHERE id = :id")
                    .bind("hash", tokenHash).bind("id", sessionId).execute();
            return old;
        });
    }

    /** Deletes the user's session (all of them when {@code sessionId} is null); the API tokens they had minted. */
    public List<String> delete(Long sessionId, long userId) {
        return jdbi.inTransaction(h -> {
            String which = sessionId == null ? "" : " AND id = :id";
            List<String> tokens = h.createQuery(
                            "SELECT api_token_hash FROM web_sessions WHERE user_id = :user AND api_token_hash IS NOT NULL"
                                    + which)
                    .bind("user", userId).bind("id", sessionId).mapTo(String.class).list();
            h.createUpdate("DELETE FROM web_sessions WHERE user_id = :user" + which)
                    .bind("user", userId).bind("id", sessionId).execute();
            return tokens;
        });
    }

    public int deleteIdleSince(long idleSince) {
        return jdbi.inTransaction(h -> h.createUpdate("DELETE FROM web_sessions WHERE last_seen_at <= :idleSince")
                .bind("idleSince", idleSince).execute());
    }

    /** A session as its owner's list shows it. */
    public record SessionRow(long id, long createdAt, long lastSeenAt, String ip, String userAgent) {
    }
}
