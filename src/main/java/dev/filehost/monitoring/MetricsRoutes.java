package dev.filehost.monitoring;

import dev.filehost.config.MetricsAccess;
import dev.filehost.http.ClientAddress;
import dev.filehost.http.WebRoutes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** {@code /metrics} in the Prometheus text format, for the addresses and token the settings allow. */
public final class MetricsRoutes implements WebRoutes {
    public static final String PATH = "/metrics";
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final ServerMetrics metrics;
    private final MetricsAccess access;
    private final ClientAddress clientAddress;

    public MetricsRoutes(ServerMetrics metrics, MetricsAccess access, ClientAddress clientAddress) {
        this.metrics = metrics;
        this.access = access;
        this.clientAddress = clientAddress;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get(PATH, this::scrape);
    }

    private void scrape(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        if (!access.permits(clientAddress.of(ctx), ctx.header("Authorization"))) {
            ctx.status(403).contentType("text/plain; charset=utf-8").result("Forbidden\n");
            return;
        }
        ctx.contentType(PROMETHEUS_TEXT).result(metrics.scrape());
    }
}
