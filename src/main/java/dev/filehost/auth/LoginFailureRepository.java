package dev.filehost.auth;

import org.jdbi.v3.core.Jdbi;

/** SQL for failed sign-ins, kept per account and address for the length of the lockout window. */
public final class LoginFailureRepository {
    private final Jdbi jdbi;

    public LoginFailureRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The account's failures since a moment, from every address, and when the latest was (0 if none). */
    public record Recent(int count, long latestAt) {
    }

    /** Records a failure and answers how many the account has had from this address since {@code windowStart}. */
    public int recordAndCount(long userId, String ip, long now, long windowStart) {
        return jdbi.inTransaction(h -> {
            h.createUpdate("INSERT INTO login_failures (user_id, ip, failed_at) VALUES (:user, :ip, :now)")
                    .bind("user", userId).bind("ip", ip).bind("now", now).execute();
            h.createUpdate("DELETE FROM login_failures WHERE user_id = :user AND failed_at <= :windowStart")
                    .bind("user", userId).bind("windowStart", windowStart).execute();
            return h.createQuery("SELECT COUNT(*) FROM login_failures WHERE user_id = :user AND ip = :ip")
                    .bind("user", userId).bind("ip", ip).mapTo(Integer.class).one();
        });
    }

    public Recent recent(long userId, long since) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) AS n, MAX(failed_at) AS latest FROM login_failures "
                                + "WHERE user_id = :user AND failed_at > :since")
                .bind("user", userId).bind("since", since)
                .map((rs, ctx) -> new Recent(rs.getInt("n"), rs.getLong("latest")))
                .one());
    }

    public void clear(long userId, String ip) {
        jdbi.useTransaction(h -> h.createUpdate("DELETE FROM login_failures WHERE user_id = :user AND ip = :ip")
                .bind("user", userId).bind("ip", ip).execute());
    }
}
