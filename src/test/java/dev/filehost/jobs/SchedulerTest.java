package dev.filehost.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SchedulerTest {

    @Test
    void aTaskRunsFirstAfterItsOwnDelayThenEachPeriod() throws Exception {
        CountDownLatch runs = new CountDownLatch(1);
        try (Scheduler scheduler = new Scheduler()) {
            scheduler.every(Duration.ofMillis(20), Duration.ofHours(1), "test", runs::countDown);

            assertThat(runs.await(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void housekeepingRunsSoonAfterAStartWhateverItsPeriod() {
        assertThat(Housekeeping.firstRunAfter(Duration.ofMinutes(10))).isEqualTo(Duration.ofMinutes(1));
        assertThat(Housekeeping.firstRunAfter(Duration.ofDays(1))).isEqualTo(Duration.ofMinutes(1));
        assertThat(Housekeeping.firstRunAfter(Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(5));
    }
}
