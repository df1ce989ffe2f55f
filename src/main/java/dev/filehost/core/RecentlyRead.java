package dev.filehost.core;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Rows read from the database in the last second, by key, so that a client making many requests costs
 * one query a second rather than one a request. Whatever this node changes it forgets at once; a change
 * made elsewhere (another node, the admin CLI) is seen within the second.
 */
public final class RecentlyRead<K, V> {
    private static final long MAX_AGE_MILLIS = 1_000;
    private static final int MAX_ENTRIES = 10_000;

    private record Entry<V>(V value, long readAt) {
        boolean isStaleAt(long now) {
            return now - readAt >= MAX_AGE_MILLIS || now < readAt;
        }
    }

    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();

    /** The value read less than a second before {@code now}. */
    public Optional<V> get(K key, long now) {
        Entry<V> entry = entries.get(key);
        return entry == null || entry.isStaleAt(now) ? Optional.empty() : Optional.of(entry.value());
    }

    /** Keeps {@code value} as read at {@code readAt}, and returns it. */
    public V put(K key, V value, long readAt) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.values().removeIf(entry -> entry.isStaleAt(readAt));
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
        }
        entries.put(key, new Entry<>(value, readAt));
        return value;
    }

    public void forget(K key) {
        entries.remove(key);
    }

    public void forgetIf(Predicate<V> which) {
        entries.values().removeIf(entry -> which.test(entry.value()));
    }

    public void forgetAll() {
        entries.clear();
    }
}
