package dev.filehost.storage;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs tasks one after another on a virtual thread while the caller goes on, so that the steps
 * of a copy (hashing, writing, flushing to disk) use several cores. A task starts only when the
 * previous one has finished; a failure is reported by the next {@link #submit} or {@link #finish}.
 */
final class SerialWorker implements AutoCloseable {

    @FunctionalInterface
    interface Task {
        void run() throws IOException;
    }

    private final ExecutorService worker = Executors.newVirtualThreadPerTaskExecutor();
    private Future<?> pending = CompletableFuture.completedFuture(null);

    /** Waits for the previous task, then starts this one. */
    void submit(Task task) throws IOException {
        finish();
        pending = worker.submit(() -> {
            try {
                task.run();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    boolean isIdle() {
        return pending.isDone();
    }

    /** Waits for the last task and reports its failure. */
    void finish() throws IOException {
        try {
            pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for a background task");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw new IllegalStateException("background task failed", e.getCause());
        }
    }

    /** Waits for a task still running, so that nothing touches the caller's data afterwards. */
    @Override
    public void close() {
        worker.close();
    }
}
