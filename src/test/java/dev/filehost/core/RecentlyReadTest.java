package dev.filehost.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecentlyReadTest {
    private final RecentlyRead<String, String> recent = new RecentlyRead<>();

    @Test
    void aValueIsKeptForLessThanASecondFromItsRead() {
        recent.put("a", "first", 10_000);

        assertThat(recent.get("a", 10_000)).contains("first");
        assertThat(recent.get("a", 10_999)).contains("first");
        assertThat(recent.get("a", 11_000)).isEmpty();
        assertThat(recent.get("b", 10_000)).isEmpty();
    }

    @Test
    void aClockThatWentBackMakesTheValueStale() {
        recent.put("a", "first", 10_000);

        assertThat(recent.get("a", 9_999)).isEmpty();
    }

    @Test
    void forgottenValuesAreReadAgain() {
        recent.put("a", "alice", 10_000);
        recent.put("b", "bob", 10_000);
        recent.put("c", "carol", 10_000);

        recent.forget("a");
        assertThat(recent.get("a", 10_001)).isEmpty();
        recent.forgetIf(value -> value.startsWith("b"));
        assertThat(recent.get("b", 10_001)).isEmpty();
        assertThat(recent.get("c", 10_001)).contains("carol");
        recent.forgetAll();
        assertThat(recent.get("c", 10_001)).isEmpty();
    }

    @Test
    void aFullMemoryDropsStaleValuesFirst() {
        for (int i = 0; i < 10_000; i++) {
            recent.put("old-" + i, "old", 10_000);
        }
        recent.put("new", "fresh", 12_000);

        assertThat(recent.get("new", 12_000)).contains("fresh");
        assertThat(recent.get("old-1", 10_500)).isEmpty();
    }
}
