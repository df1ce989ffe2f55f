package dev.filehost.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AccountViewCacheTest {
    private final Map<Long, Long> versions = new HashMap<>();
    private final AtomicInteger builds = new AtomicInteger();

    private AccountViewCache<String, String> cache(long maxBytes) {
        return new AccountViewCache<>(user -> versions.getOrDefault(user, 0L), maxBytes, String::length);
    }

    private String view(AccountViewCache<String, String> cache, long user, String key, int size) {
        return cache.get(user, key, () -> builds.incrementAndGet() + ":" + "x".repeat(size));
    }

    @Test
    void aViewIsBuiltAgainOnlyOnceItsAccountsCounterMoved() {
        AccountViewCache<String, String> cache = cache(1000);
        String first = view(cache, 1, "root", 10);

        assertThat(view(cache, 1, "root", 10)).isSameAs(first);
        versions.put(1L, 1L);
        String second = view(cache, 1, "root", 10);

        assertThat(second).isNotEqualTo(first);
        assertThat(view(cache, 1, "root", 10)).isSameAs(second);
        assertThat(builds).hasValue(2);
    }

    @Test
    void accountsAndKeysAreKeptApartAndAChangeInOneLeavesTheOthersKept() {
        AccountViewCache<String, String> cache = cache(1000);
        String mine = view(cache, 1, "root", 10);
        String theirs = view(cache, 2, "root", 10);
        String myFolder = view(cache, 1, "folder", 10);

        versions.put(2L, 5L);

        assertThat(view(cache, 1, "root", 10)).isSameAs(mine);
        assertThat(view(cache, 1, "folder", 10)).isSameAs(myFolder);
        assertThat(view(cache, 2, "root", 10)).isNotEqualTo(theirs);
        assertThat(builds).hasValue(4);
    }

    @Test
    void theViewsLeastRecentlyUsedGoFirstWhenTheBytesRunOut() {
        AccountViewCache<String, String> cache = cache(250);
        view(cache, 1, "a", 100);
        view(cache, 1, "b", 100);
        view(cache, 1, "a", 100);
        view(cache, 1, "c", 100);
        assertThat(builds).hasValue(3);

        view(cache, 1, "a", 100);
        assertThat(builds).as("a was used last but one: kept").hasValue(3);
        view(cache, 1, "b", 100);
        assertThat(builds).as("b was the least recent: gone").hasValue(4);
    }

    @Test
    void withNoBytesNothingIsKeptAndNoCounterRead() {
        AccountViewCache<String, String> cache = new AccountViewCache<>(user -> {
            throw new AssertionError("no counter needed");
        }, 0, String::length);

        cache.get(1, "root", () -> "one");
        cache.get(1, "root", () -> "two");

        assertThat(cache.get(1, "root", () -> "three")).isEqualTo("three");
    }
}
