package dev.filehost.monitoring;

import dev.filehost.http.RequestListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/** Counts and times HTTP requests by method, route template and status, under the name dashboards expect. */
public final class RequestMetrics implements RequestListener {
    private final MeterRegistry registry;

    public RequestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void finished(String method, String route, int status, double millis) {
        Timer.builder("http.server.requests")
                .description("HTTP requests served by this node")
                .tag("method", method)
                .tag("uri", route)
                .tag("status", Integer.toString(status))
                .register(registry)
                .record((long) (millis * 1_000_000), TimeUnit.NANOSECONDS);
    }
}
