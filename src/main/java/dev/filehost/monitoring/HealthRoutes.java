package dev.filehost.monitoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.filehost.http.WebRoutes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Probes for load balancers and orchestrators, open to all: {@code /health/live} answers while the
 * process serves; {@code /health/ready} only while the database and the blob store answer too.
 */
public final class HealthRoutes implements WebRoutes {
    public static final String PATHS = "/health/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Readiness readiness;

    public HealthRoutes(Readiness readiness) {
        this.readiness = readiness;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get(PATHS + "live", ctx -> send(ctx, 200, Map.of("status", "up")));
        routes.get(PATHS + "ready", this::ready);
    }

    private void ready(Context ctx) throws JsonProcessingException {
        Map<String, Boolean> checks = readiness.probe();
        boolean ready = !checks.containsValue(false);
        Map<String, String> body = new LinkedHashMap<>();
        body.put("status", ready ? "ready" : "unavailable");
        checks.forEach((name, answers) -> body.put(name, answers ? "up" : "down"));
        send(ctx, ready ? 200 : 503, body);
    }

    private static void send(Context ctx, int status, Map<String, String> body) throws JsonProcessingException {
        ctx.status(status).header("Cache-Control", "no-store").contentType("application/json")
                .result(JSON.writeValueAsString(body));
    }
}
