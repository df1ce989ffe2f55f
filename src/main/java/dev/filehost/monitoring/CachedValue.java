package dev.filehost.monitoring;

import java.time.Duration;
import java.util.function.LongSupplier;

/** A value that is costly to read (a database count), read again only once it is older than a time to live. */
final class CachedValue {
    private final LongSupplier source;
    private final long ttlNanos;
    private final LongSupplier nanoTime;
    private long value;
    private long readAt;
    private boolean read;

    CachedValue(LongSupplier source, Duration ttl, LongSupplier nanoTime) {
        this.source = source;
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = nanoTime;
    }

    synchronized long get() {
        long now = nanoTime.getAsLong();
        if (!read || now - readAt >= ttlNanos) {
            value = source.getAsLong();
            readAt = now;
            read = true;
        }
        return value;
    }
}
