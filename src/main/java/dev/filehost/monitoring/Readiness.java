package dev.filehost.monitoring;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Whether this node can serve requests: each dependency answers a cheap check, all checked at once and
 * each given up on after a timeout, so that a hanging database cannot hang the probe too.
 */
public final class Readiness {
    private static final Executor VIRTUAL_THREADS = task -> Thread.ofVirtual().name("readiness-check").start(task);

    /** One dependency, e.g. "database", and how to ask whether it answers. */
    public record Check(String name, BooleanSupplier answers) {
    }

    private final List<Check> checks;
    private final Duration timeout;

    public Readiness(List<Check> checks, Duration timeout) {
        this.checks = List.copyOf(checks);
        this.timeout = timeout;
    }

    /** Each check's name with true when it answered in time. */
    public Map<String, Boolean> probe() {
        Map<String, CompletableFuture<Boolean>> running = new LinkedHashMap<>();
        for (Check check : checks) {
            running.put(check.name(), CompletableFuture.supplyAsync(check.answers()::getAsBoolean, VIRTUAL_THREADS)
                    .completeOnTimeout(false, timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .exceptionally(failure -> false));
        }
        Map<String, Boolean> results = new LinkedHashMap<>();
        running.forEach((name, result) -> results.put(name, result.join()));
        return results;
    }
}
