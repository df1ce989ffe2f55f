package dev.filehost.storage;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs tasks in the order they were submitted, one at a time, on a virtual thread of its own while
 * the caller goes on, so that the steps of a copy (hashing, writing, flushing to disk) use several
 * cores. Tasks queue up: a worker with work waiting never waits for the caller to hand it the next.
 *
 * <p>Every task runs, even after one failed, so that each can give back what it holds; the first
 * failure is reported by the next {@link #submit} or {@link #finish}.
 */
final class SerialWorker implements AutoCloseable {

    @FunctionalInterface
    interface Task {
        void run() throws IOException;
    }

    private final ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofVirtual().factory());
    private Future<?> last = CompletableFuture.completedFuture(null);
    private volatile Throwable failure;

    /** Queues the task behind the earlier ones, or reports the failure of one of those instead. */
    void submit(Task task) throws IOException {
        reportFailure();
        last = worker.submit(() -> {
            try {
                task.run();
            } catch (IOException | RuntimeException | Error e) {
                if (failure == null) {
                    failure = e;
                }
            }
        });
    }

    boolean isIdle() {
        return last.isDone();
    }

    /** Waits for every task submitted so far and reports the first failure. */
    void finish() throws IOException {
        try {
            last.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for a background task");
        } catch (ExecutionException e) {
            throw new IllegalStateException("background task failed", e.getCause());
        }
        reportFailure();
    }

    private void reportFailure() throws IOException {
        Throwable failed = failure;
        if (failed instanceof IOException io) {
            throw io;
        }
        if (failed != null) {
            throw new IllegalStateException("background task failed", failed);
        }
    }

    /** Waits for the tasks still queued, so that nothing touches the caller's data afterwards. */
    @Override
    public void close() {
        worker.close();
    }
}
