package dev.filehost.core;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * A value read again at most once per {@code ttl}: state another node may change (bans, site settings) reaches
 * this one within that time, while each request reads memory only.
 */
public final class CachedValue<T> {
    private record Loaded<T>(T value, long at) {
    }

    private final Supplier<T> loader;
    private final long ttlMillis;
    private final Clock clock;
    private volatile Loaded<T> loaded;

    public CachedValue(Supplier<T> loader, Duration ttl, Clock clock) {
        this.loader = loader;
        this.ttlMillis = ttl.toMillis();
        this.clock = clock;
    }

    public T get() {
        long now = clock.millis();
        Loaded<T> current = loaded;
        if (current == null || now - current.at() >= ttlMillis || now < current.at()) {
            current = new Loaded<>(loader.get(), now);
            loaded = current;
        }
        return current.value();
    }

    /** The next {@link #get} reads again: this node changed the value. */
    public void invalidate() {
        loaded = null;
    }
}
