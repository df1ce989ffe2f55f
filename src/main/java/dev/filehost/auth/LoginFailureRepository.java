package dev.filehost.auth;

import org.jdbi.v3.core.Jdbi;

/** SQL for failed sign-ins, counted per account within a window. */
public final class LoginFailureRepository {
    private final Jdbi jdbi;

    public LoginFailureRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Records a failure and answers how many the account has had since {@code windowStart}. */
    public int recordAndCount(long userId, String ip, long now, long windowStart) {
        return jdbi.inTransaction(h -> {
            h.createUpdate("INSERT INTO login_failures (user_id, ip, failed_at) VALUES (:user, :ip, :now)")
                    .bind("user", userId).bind("ip", ip).bind("now", now).execute();
            h.createUpdate("DELETE FROM login_failures WHERE user_id = :user AND failed_at <= :windowStart")
                    .bind("user", userId).bind("windowStart", windowStart).execute();
            return h.createQuery("SELECT COUNT(*) FROM login_failures WHERE user_id = :user")
                    .bind("user", userId).mapTo(Integer.class).one();
        });
    }

    public void clear(long userId) {
        jdbi.useTransaction(h -> h.createUpdate("DELETE FROM login_failures WHERE user_id = :user")
                .bind("user", userId).execute());
    }
}
