package dev.filehost.file;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongUnaryOperator;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * Views built from an account's files and folders alone (a folder listing, a page of the file manager),
 * kept while the account's change counter ({@link AccountChanges#versionOf}) stays where it was. The counter is read before
 * the view is built, so a kept view is never older than the counter it is kept under: any change
 * committed since, through any node, shows on the next call. The views last used are kept, up to a
 * size in bytes: a plain LRU, as a frequency-minded cache (W-TinyLFU) tends to turn away an entry larger
 * than its small admission window, which a page of a hundred kilobytes is.
 *
 * @param <K> what tells the account's views apart (a folder, a sort order and page)
 * @param <V> the view
 */
public final class AccountViewCache<K, V> {
    private final LongUnaryOperator versionOf;
    private final long maxBytes;
    private final ToIntFunction<V> bytesOf;
    private final Map<Key<K>, Kept<V>> kept = new LinkedHashMap<>(16, 0.75f, true);
    private long keptBytes;

    /** {@code maxBytes} 0: nothing kept, every call builds. */
    public AccountViewCache(LongUnaryOperator versionOf, long maxBytes, ToIntFunction<V> bytesOf) {
        this.versionOf = versionOf;
        this.maxBytes = maxBytes;
        this.bytesOf = bytesOf;
    }

    /** The view of {@code key} in the account as it is now, built by {@code build} unless kept. */
    public V get(long userId, K key, Supplier<V> build) {
        if (maxBytes == 0) {
            return build.get();
        }
        long version = versionOf.applyAsLong(userId);
        Key<K> at = new Key<>(userId, key);
        Kept<V> found = find(at);
        if (found != null && found.version() == version) {
            return found.view();
        }
        V view = build.get();
        keep(at, new Kept<>(version, view, bytesOf.applyAsInt(view)));
        return view;
    }

    private synchronized Kept<V> find(Key<K> at) {
        return kept.get(at);
    }

    private synchronized void keep(Key<K> at, Kept<V> view) {
        Kept<V> replaced = kept.put(at, view);
        keptBytes += view.bytes() - (replaced == null ? 0 : replaced.bytes());
        Iterator<Kept<V>> leastRecent = kept.values().iterator();
        while (keptBytes > maxBytes && leastRecent.hasNext()) {
            keptBytes -= leastRecent.next().bytes();
            leastRecent.remove();
        }
    }

    private record Key<K>(long userId, K key) {
    }

    private record Kept<V>(long version, V view, int bytes) {
    }
}
