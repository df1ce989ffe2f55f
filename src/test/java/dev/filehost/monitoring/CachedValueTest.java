package dev.filehost.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CachedValueTest {

    @Test
    void theSourceIsReadAgainOnlyAfterTheTimeToLive() {
        AtomicLong reads = new AtomicLong();
        AtomicLong now = new AtomicLong(1_000);
        CachedValue value = new CachedValue(reads::incrementAndGet, Duration.ofSeconds(5), now::get);

        assertThat(value.get()).isEqualTo(1);
        now.addAndGet(Duration.ofSeconds(4).toNanos());
        assertThat(value.get()).isEqualTo(1);
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(value.get()).isEqualTo(2);
    }
}
