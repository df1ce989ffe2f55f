package dev.filehost.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filehost.support.MutableClock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CachedValueTest {

    @Test
    void theSourceIsReadAgainOnlyAfterTheTimeToLiveOrWhenInvalidated() {
        AtomicLong reads = new AtomicLong();
        MutableClock clock = new MutableClock();
        CachedValue<Long> value = new CachedValue<>(reads::incrementAndGet, Duration.ofSeconds(5), clock);

        assertThat(value.get()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(4));
        assertThat(value.get()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(value.get()).isEqualTo(2);
        value.invalidate();
        assertThat(value.get()).isEqualTo(3);
    }
}
