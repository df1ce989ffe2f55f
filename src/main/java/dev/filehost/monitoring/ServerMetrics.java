package dev.filehost.monitoring;

import dev.filehost.core.CachedValue;
import dev.filehost.file.TransferSlots;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The meters of one server in a Prometheus registry: the JVM's, transfers in progress and the URL
 * import queue; the request, upload and download meters are added where those things happen.
 */
public final class ServerMetrics implements AutoCloseable {
    /** Scrapes come every few seconds from each scraper; the queue count need not hit the database each time. */
    private static final Duration QUEUE_COUNT_TTL = Duration.ofSeconds(5);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    public ServerMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    public void watchTransfers(TransferSlots transfers) {
        Gauge.builder("filehost.transfers.active", transfers, TransferSlots::active)
                .description("Uploads and downloads in progress on this node")
                .register(registry);
    }

    public void watchImportQueue(LongSupplier pendingImports) {
        CachedValue<Long> pending = new CachedValue<>(pendingImports::getAsLong, QUEUE_COUNT_TTL, Clock.systemUTC());
        Gauge.builder("filehost.url.imports.pending", pending, CachedValue::get)
                .description("Remote URL imports waiting in the queue shared by all nodes")
                .strongReference(true)
                .register(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** Every meter in the Prometheus text format. */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
