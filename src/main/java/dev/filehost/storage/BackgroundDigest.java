package dev.filehost.storage;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.security.MessageDigest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A message digest fed on a virtual thread, one buffer behind the caller, so that hashing runs on
 * another core while the caller reads, hashes and writes the next buffer.
 */
final class BackgroundDigest implements AutoCloseable {

    private final MessageDigest digest;
    private final ExecutorService worker = Executors.newVirtualThreadPerTaskExecutor();
    private Future<?> pending = CompletableFuture.completedFuture(null);

    BackgroundDigest(MessageDigest digest) {
        this.digest = digest;
    }

    /**
     * Starts hashing {@code buffer[0, length)} after the previous update finished. The caller must
     * not modify {@code buffer} until the next call to {@code update} or {@link #digest} returned.
     */
    void update(byte[] buffer, int length) throws IOException {
        awaitPending();
        pending = worker.submit(() -> digest.update(buffer, 0, length));
    }

    byte[] digest() throws IOException {
        awaitPending();
        return digest.digest();
    }

    /** Waits for the running update, so no thread touches a buffer after the copy is over. */
    @Override
    public void close() {
        worker.close();
    }

    private void awaitPending() throws IOException {
        try {
            pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while hashing");
        } catch (ExecutionException e) {
            throw new IllegalStateException("hashing failed", e.getCause());
        }
    }
}
