package dev.filehost.file;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * Views built from an account's files and folders alone (a folder listing, a page of the file manager),
 * kept while the account's {@link AccountChanges counter} stays where it was. The counter is read before
 * the view is built, so a kept view is never older than the counter it is kept under: any change
 * committed since, through any node, shows on the next call. The most recently useful views are kept
 * up to a size in bytes.
 *
 * @param <K> what tells the account's views apart (a folder, a sort order and page)
 * @param <V> the view
 */
public final class AccountViewCache<K, V> {
    private final AccountChanges changes;
    private final ToIntFunction<V> bytesOf;
    private final Cache<Key<K>, Kept<V>> kept;

    /** {@code maxBytes} 0: nothing kept, every call builds. */
    public AccountViewCache(AccountChanges changes, long maxBytes, ToIntFunction<V> bytesOf) {
        this.changes = changes;
        this.bytesOf = bytesOf;
        this.kept = maxBytes > 0
                ? Caffeine.newBuilder().maximumWeight(maxBytes).weigher((Key<K> k, Kept<V> v) -> v.bytes()).build()
                : null;
    }

    /** The view of {@code key} in the account as it is now, built by {@code build} unless kept. */
    public V get(long userId, K key, Supplier<V> build) {
        if (kept == null) {
            return build.get();
        }
        long version = changes.versionOf(userId);
        Key<K> at = new Key<>(userId, key);
        Kept<V> found = kept.getIfPresent(at);
        if (found != null && found.version() == version) {
            return found.view();
        }
        V view = build.get();
        kept.put(at, new Kept<>(version, view, bytesOf.applyAsInt(view)));
        return view;
    }

    private record Key<K>(long userId, K key) {
    }

    private record Kept<V>(long version, V view, int bytes) {
    }
}
