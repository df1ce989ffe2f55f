package dev.filehost.auth;

import org.jdbi.v3.core.Jdbi;

/** SQL for locks on one account from one address. */
public final class LoginLockRepository {
    private final Jdbi jdbi;

    public LoginLockRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Locks the account for the address; the account's expired locks go in the same step. */
    public void lock(long userId, String ip, long until, long now) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM login_locks WHERE user_id = :user AND locked_until <= :now")
                    .bind("user", userId).bind("now", now).execute();
            h.createUpdate("""
                            INSERT INTO login_locks (user_id, ip, locked_until) VALUES (:user, :ip, :until)
                            ON CONFLICT (user_id, ip) DO UPDATE SET locked_until = :until""")
                    .bind("user", userId).bind("ip", ip).bind("until", until).execute();
        });
    }

    public boolean isLocked(long userId, String ip, long now) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM login_locks WHERE user_id = :user AND ip = :ip AND locked_until > :now")
                .bind("user", userId).bind("ip", ip).bind("now", now).mapTo(Integer.class).one()) > 0;
    }
}
