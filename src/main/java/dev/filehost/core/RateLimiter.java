package dev.filehost.core;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** A token bucket per key (address or token): {@code perMinute} requests, refilled smoothly. */
public final class RateLimiter {
    private static final long SWEEP_EVERY = 4096;
    private static final long IDLE_MILLIS = 120_000;

    private final int perMinute;
    private final Clock clock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong calls = new AtomicLong();

    public RateLimiter(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** 0 when the request may go on; otherwise the whole seconds to wait. */
    public long acquire(String key) {
        if (perMinute <= 0) {
            return 0;
        }
        long now = clock.millis();
        if (calls.incrementAndGet() % SWEEP_EVERY == 0) {
            buckets.values().removeIf(bucket -> bucket.idleSince(now) > IDLE_MILLIS);
        }
        return buckets.computeIfAbsent(key, k -> new Bucket(perMinute, now)).take(now, perMinute);
    }

    /** Gives back what {@link #acquire} took, for limits on requests that count only when they fail. */
    public void release(String key) {
        Bucket bucket = buckets.get(key);
        if (bucket != null) {
            bucket.giveBack(perMinute);
        }
    }

    private static final class Bucket {
        private double tokens;
        private long refilledAt;

        Bucket(int capacity, long now) {
            this.tokens = capacity;
            this.refilledAt = now;
        }

        synchronized long take(long now, int perMinute) {
            double perMilli = perMinute / 60_000.0;
            tokens = Math.min(perMinute, tokens + Math.max(0, now - refilledAt) * perMilli);
            refilledAt = Math.max(refilledAt, now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / perMilli / 1000));
        }

        synchronized void giveBack(int perMinute) {
            tokens = Math.min(perMinute, tokens + 1);
        }

        synchronized long idleSince(long now) {
            return now - refilledAt;
        }
    }
}
