package dev.filehost.file;

import dev.filehost.db.Database;
import dev.filehost.db.KeyedLock;
import java.util.OptionalLong;
import org.jdbi.v3.core.Jdbi;

/** SQL for the shared table of limited transfers in progress. */
public final class TransferSlotRepository {
    private final Jdbi jdbi;
    private final KeyedLock lock;

    public TransferSlotRepository(Database database) {
        this.jdbi = database.jdbi();
        this.lock = new KeyedLock(database.isPostgres());
    }

    /**
     * Takes a slot when {@code key} has fewer than {@code max} live ones. Claims of one key are
     * serialized ({@link KeyedLock}).
     */
    public OptionalLong tryClaim(String key, long max, String node, long now, long staleBefore) {
        return jdbi.inTransaction(h -> {
            lock.acquire(h, key);
            long live = h.createQuery(
                            "SELECT COUNT(*) FROM transfer_slots WHERE slot_key = :key AND heartbeat_at > :stale")
                    .bind("key", key).bind("stale", staleBefore).mapTo(Long.class).one();
            if (live >= max) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(h.createQuery("""
                            INSERT INTO transfer_slots (slot_key, node, heartbeat_at) VALUES (:key, :node, :now)
                            RETURNING id""")
                    .bind("key", key).bind("node", node).bind("now", now)
                    .mapTo(Long.class).one());
        });
    }

    public void release(long id) {
        jdbi.useTransaction(h -> h.createUpdate("DELETE FROM transfer_slots WHERE id = :id").bind("id", id).execute());
    }

    /** Renews this node's rows and drops everyone's stale ones. */
    public void heartbeat(String node, long now, long staleBefore) {
        jdbi.useTransaction(h -> {
            h.createUpdate("UPDATE transfer_slots SET heartbeat_at = :now WHERE node = :node")
                    .bind("now", now).bind("node", node).execute();
            h.createUpdate("DELETE FROM transfer_slots WHERE heartbeat_at <= :stale")
                    .bind("stale", staleBefore).execute();
        });
    }
}
