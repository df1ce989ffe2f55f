package dev.filehost.auth;

import dev.filehost.core.RecentlyRead;
import java.util.Optional;

/**
 * Token holders read from the database in the last second: a client making many calls costs one token
 * query a second rather than one a call (the query was a quarter of the CPU of {@code /file/info}).
 */
final class RecentHolders {
    private final RecentlyRead<String, TokenHolder> holders = new RecentlyRead<>();

    /** The holder of this token read less than a second before {@code now}, if it is this user. */
    Optional<TokenHolder> get(String tokenHash, long userId, long now) {
        return holders.get(tokenHash, now).filter(holder -> holder.user().id() == userId);
    }

    /** The user holding this token, as read less than a second before {@code now}. */
    Optional<Long> userOf(String tokenHash, long now) {
        return holders.get(tokenHash, now).map(holder -> holder.user().id());
    }

    TokenHolder put(String tokenHash, TokenHolder holder, long readAt) {
        return holders.put(tokenHash, holder, readAt);
    }

    void forget(String tokenHash) {
        holders.forget(tokenHash);
    }

    void forgetUser(long userId) {
        holders.forgetIf(holder -> holder.user().id() == userId);
    }

    void forgetAll() {
        holders.forgetAll();
    }
}
