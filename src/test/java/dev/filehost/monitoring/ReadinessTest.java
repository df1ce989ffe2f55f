package dev.filehost.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class ReadinessTest {

    @Test
    void aCheckThatHangsOrFailsCountsAsDownWithinTheTimeout() {
        CountDownLatch never = new CountDownLatch(1);
        Readiness readiness = new Readiness(List.of(
                new Readiness.Check("database", () -> true),
                new Readiness.Check("store", () -> {
                    try {
                        never.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return true;
                }),
                new Readiness.Check("queue", () -> {
                    throw new IllegalStateException("broken");
                })), Duration.ofMillis(200));

        long start = System.nanoTime();
        Map<String, Boolean> result = readiness.probe();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(result).containsExactly(Map.entry("database", true), Map.entry("store", false),
                Map.entry("queue", false));
    }
}
