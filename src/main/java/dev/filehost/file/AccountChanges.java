package dev.filehost.file;

import org.jdbi.v3.core.Jdbi;

/**
 * Each account's change counter, which the database moves on with every write to the account's files or
 * folders (triggers of the account_changes migration), whichever node, command or hand made it.
 */
public final class AccountChanges {
    private final Jdbi jdbi;

    public AccountChanges(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The counter now; 0 for an account whose files and folders never changed since the counters began. */
    public long versionOf(long userId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT version FROM account_changes WHERE user_id = :user")
                .bind("user", userId).mapTo(Long.class).findOne().orElse(0L));
    }
}
