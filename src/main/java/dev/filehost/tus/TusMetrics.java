package dev.filehost.tus;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** What operators see of resumable uploads: started, completed, expired, and the bytes received. */
public final class TusMetrics {
    private final Counter started;
    private final Counter completed;
    private final Counter expired;
    private final Counter bytes;

    public TusMetrics(MeterRegistry registry) {
        this.started = upload(registry, "started", "Resumable uploads created");
        this.completed = upload(registry, "completed", "Resumable uploads that became files");
        this.expired = upload(registry, "expired", "Unfinished resumable uploads removed after their expiry");
        this.bytes = Counter.builder("filehost.tus.bytes").baseUnit("bytes")
                .description("Bytes received for resumable uploads and kept").register(registry);
    }

    private static Counter upload(MeterRegistry registry, String event, String description) {
        return Counter.builder("filehost.tus.uploads").tag("event", event).description(description).register(registry);
    }

    void started() {
        started.increment();
    }

    void completed() {
        completed.increment();
    }

    void expired() {
        expired.increment();
    }

    void received(long count) {
        bytes.increment(count);
    }
}
