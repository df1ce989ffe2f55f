package dev.filehost.jobs;

import java.util.function.IntSupplier;

/** Works through a backlog in batches, so no transaction grows with the backlog. */
final class Batches {
    static final int SIZE = 500;

    private Batches() {
    }

    /** Runs {@code batch} until it handles fewer than {@link #SIZE} rows; the rows handled in all. */
    static int drain(IntSupplier batch) {
        int total = 0;
        int handled;
        do {
            handled = batch.getAsInt();
            total += handled;
        } while (handled == SIZE);
        return total;
    }
}
