package dev.filehost.file;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Transfers in progress per key (an account, or a visitor's address) against a package's maximum.
 * Limited keys are counted in the database, so the limit holds across every node; unlimited ones
 * cost no query at all. This node's own count feeds the metrics.
 */
public final class TransferSlots {
    /** How often a node renews its slots; a slot unrenewed for three times this no longer counts. */
    public static final Duration HEARTBEAT = Duration.ofSeconds(30);
    private static final Duration STALE_AFTER = HEARTBEAT.multipliedBy(3);

    private final TransferSlotRepository shared;
    private final Clock clock;
    private final String node = "node-" + UUID.randomUUID();
    private final AtomicInteger active = new AtomicInteger();

    public TransferSlots(TransferSlotRepository shared, Clock clock) {
        this.shared = shared;
        this.clock = clock;
    }

    /** A held slot, given back on close. */
    public interface Slot extends AutoCloseable {
        @Override
        void close();
    }

    /** A slot, or empty when {@code key} already has {@code max} transfers running (0 = unlimited). */
    public Optional<Slot> tryAcquire(String key, long max) {
        if (max <= 0) {
            return Optional.of(localSlot(() -> { }));
        }
        long now = clock.millis();
        OptionalLong claimed = shared.tryClaim(key, max, node, now, now - STALE_AFTER.toMillis());
        if (claimed.isEmpty()) {
            return Optional.empty();
        }
        long id = claimed.getAsLong();
        return Optional.of(localSlot(() -> shared.release(id)));
    }

    private Slot localSlot(Runnable release) {
        active.incrementAndGet();
        return new Slot() {
            private boolean closed;

            @Override
            public synchronized void close() {
                if (!closed) {
                    closed = true;
                    active.decrementAndGet();
                    release.run();
                }
            }
        };
    }

    /** Transfers in progress on this node. */
    public int active() {
        return active.get();
    }

    /** Keeps this node's slots alive and clears those of nodes that stopped. */
    public void heartbeat() {
        long now = clock.millis();
        shared.heartbeat(node, now, now - STALE_AFTER.toMillis());
    }
}
