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
 * One step of the copy (hashing, writing) run on a virtual thread one buffer behind the reader,
 * so that the steps of a copy use several cores. Buffers reach the step in order, one at a time.
 */
final class PipelineStage implements AutoCloseable {

    /** What the stage does with each buffer; it must only read the buffer. */
    @FunctionalInterface
    interface Step {
        void accept(byte[] buffer, int length) throws IOException;
    }

    private final Step step;
    private final ExecutorService worker = Executors.newVirtualThreadPerTaskExecutor();
    private Future<?> pending = CompletableFuture.completedFuture(null);

    PipelineStage(Step step) {
        this.step = step;
    }

    /**
     * Starts the step on {@code buffer[0, length)} once the previous buffer is done. The caller
     * must not modify {@code buffer} until its next {@code submit} or {@link #finish} returned.
     */
    void submit(byte[] buffer, int length) throws IOException {
        finish();
        pending = worker.submit(() -> {
            try {
                step.accept(buffer, length);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Waits for the last buffer and reports a failure of the step. */
    void finish() throws IOException {
        try {
            pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while copying");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw new IllegalStateException("copy step failed", e.getCause());
        }
    }

    /** Waits for a step still running, so no thread touches a buffer after the copy is over. */
    @Override
    public void close() {
        worker.close();
    }
}
