package dev.filehost.db;

import org.jdbi.v3.core.Handle;

/**
 * Serializes the transactions that name the same key, across every node: an advisory lock on
 * PostgreSQL, held until the transaction ends. SQLite runs one writing transaction at a time already.
 */
public final class KeyedLock {
    private final boolean postgres;

    public KeyedLock(boolean postgres) {
        this.postgres = postgres;
    }

    /** Waits for the key inside the transaction of {@code h}. */
    public void acquire(Handle h, String key) {
        if (postgres) {
            h.createQuery("SELECT pg_advisory_xact_lock(hashtext(:key))").bind("key", key).mapTo(String.class).one();
        }
    }
}
