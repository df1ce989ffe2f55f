package dev.filehost.storage;

import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The buffers of one copy, each lent to several users at once (the hashing and the writing) and
 * back once the last of them is done. At most {@code capacity} exist; they are made only when none
 * is free, so a copy that never gets ahead of its users holds one or two.
 */
final class CopyBuffers {

    /** A buffer out on loan, back in the pool after as many {@link #release}s as it has users. */
    static final class Loan {
        private final byte[] bytes;
        private final AtomicInteger users;
        private final CopyBuffers pool;

        private Loan(byte[] bytes, int users, CopyBuffers pool) {
            this.bytes = bytes;
            this.users = new AtomicInteger(users);
            this.pool = pool;
        }

        byte[] bytes() {
            return bytes;
        }

        void release() {
            if (users.decrementAndGet() == 0) {
                pool.free.add(bytes);
            }
        }
    }

    private final BlockingQueue<byte[]> free;
    private final int capacity;
    private int made;

    CopyBuffers(int capacity) {
        this.capacity = capacity;
        this.free = new ArrayBlockingQueue<>(capacity);
    }

    /**
     * A buffer of at least {@code size} bytes for {@code users} users, waiting for one to come back
     * when all are out. A free buffer smaller than {@code size} is replaced by a new one.
     */
    Loan take(int size, int users) throws InterruptedIOException {
        byte[] bytes = free.poll();
        if (bytes == null && made < capacity) {
            made++;
            bytes = new byte[size];
        } else if (bytes == null) {
            bytes = awaitFree();
        }
        return new Loan(bytes.length < size ? new byte[size] : bytes, users, this);
    }

    private byte[] awaitFree() throws InterruptedIOException {
        try {
            return free.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for a copy buffer");
        }
    }
}
