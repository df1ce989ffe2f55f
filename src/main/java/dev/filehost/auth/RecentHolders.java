package dev.filehost.auth;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token holders read from the database in the last second, so that a client making many calls
 * costs one token query a second rather than one a call (the query was a quarter of the CPU of
 * {@code /file/info}). Whatever this node changes is forgotten at once; a change made elsewhere
 * (another node, the admin CLI) is seen within the second.
 */
final class RecentHolders {
    private static final long MAX_AGE_MILLIS = 1_000;
    private static final int MAX_ENTRIES = 10_000;

    private record Entry(TokenHolder holder, long readAt) {
        boolean isStaleAt(long now) {
            return now - readAt >= MAX_AGE_MILLIS || now < readAt;
        }
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    /** The holder of this token read less than a second before {@code now}, if it is this user. */
    Optional<TokenHolder> get(String tokenHash, long userId, long now) {
        Entry entry = entries.get(tokenHash);
        if (entry == null || entry.isStaleAt(now) || entry.holder().user().id() != userId) {
            return Optional.empty();
        }
        return Optional.of(entry.holder());
    }

    /** The user holding this token, as read less than a second before {@code now}. */
    Optional<Long> userOf(String tokenHash, long now) {
        Entry entry = entries.get(tokenHash);
        return entry == null || entry.isStaleAt(now) ? Optional.empty() : Optional.of(entry.holder().user().id());
    }

    TokenHolder put(String tokenHash, TokenHolder holder, long readAt) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.values().removeIf(entry -> entry.isStaleAt(readAt));
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
        }
        entries.put(tokenHash, new Entry(holder, readAt));
        return holder;
    }

    void forget(String tokenHash) {
        entries.remove(tokenHash);
    }

    void forgetUser(long userId) {
        entries.values().removeIf(entry -> entry.holder().user().id() == userId);
    }

    void forgetAll() {
        entries.clear();
    }
}
