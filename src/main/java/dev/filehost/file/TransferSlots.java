package dev.filehost.file;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts transfers in progress per key (an account, or a visitor's address) against a maximum. */
public final class TransferSlots {
    private final ConcurrentHashMap<String, AtomicInteger> inUse = new ConcurrentHashMap<>();

    /** A held slot, given back on close. */
    public interface Slot extends AutoCloseable {
        @Override
        void close();
    }

    /** A slot, or empty when {@code key} already has {@code max} transfers running (0 = unlimited). */
    public Optional<Slot> tryAcquire(String key, long max) {
        AtomicInteger count = inUse.computeIfAbsent(key, k -> new AtomicInteger());
        int now = count.incrementAndGet();
        if (max > 0 && now > max) {
            release(key, count);
            return Optional.empty();
        }
        return Optional.of(new Slot() {
            private boolean closed;

            @Override
            public synchronized void close() {
                if (!closed) {
                    closed = true;
                    release(key, count);
                }
            }
        });
    }

    public int active() {
        return inUse.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    private void release(String key, AtomicInteger count) {
        if (count.decrementAndGet() == 0) {
            inUse.remove(key, count);
        }
    }
}
