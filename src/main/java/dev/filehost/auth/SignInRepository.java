package dev.filehost.auth;

import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.Jdbi;

/** SQL for the sign-in history. */
public final class SignInRepository {
    private final Jdbi jdbi;

    public SignInRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public void insert(long userId, SignIn signIn) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO sign_ins (user_id, at, ip, channel, success)
                        VALUES (:user, :at, :ip, :channel, :success)""")
                .bind("user", userId).bind("at", signIn.at()).bind("ip", signIn.ip())
                .bind("channel", signIn.channel().value()).bind("success", signIn.success() ? 1 : 0).execute());
    }

    /** The user's latest sign-ins, newest first. */
    public List<SignIn> latest(long userId, int limit) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT * FROM sign_ins WHERE user_id = :user ORDER BY at DESC, id DESC LIMIT :limit")
                .bind("user", userId).bind("limit", limit)
                .map((rs, ctx) -> new SignIn(rs.getLong("at"), rs.getString("ip"),
                        SignIn.Channel.valueOf(rs.getString("channel").toUpperCase(Locale.ROOT)),
                        rs.getInt("success") == 1))
                .list());
    }

    public int deleteBefore(long cutoff) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM sign_ins WHERE at < :cutoff")
                .bind("cutoff", cutoff).execute());
    }
}
