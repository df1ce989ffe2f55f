package dev.filehost.storage;

import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The buffers of one copy, each lent to several users at once (the hashing and the writing) and
 * back once the last of them is done. At most {@code capacity} exist; they are made only when none
 * is free, so a copy that never gets ahead of its users holds one or two.
 *
 * <p>A fast copy may use {@link HashingCopy#LARGE_BUFFER large buffers} if the node has room for all
 * of them: every copy on the node shares {@link #NODE_LARGE_BUFFERS}, so their heap stays bounded
 * however many fast uploads arrive at once; the others go on with medium buffers.
 */
final class CopyBuffers implements AutoCloseable {
    /** Large buffers all copies on this node may hold together: 32 MiB, 8 copies of 4 buffers. */
    private static final Semaphore NODE_LARGE_BUFFERS = new Semaphore(32);

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
    private final Semaphore largeRoom;
    private int made;
    private Boolean large;

    CopyBuffers(int capacity) {
        this(capacity, NODE_LARGE_BUFFERS);
    }

    CopyBuffers(int capacity, Semaphore largeRoom) {
        this.capacity = capacity;
        this.free = new ArrayBlockingQueue<>(capacity);
        this.largeRoom = largeRoom;
    }

    /**
     * Whether this copy uses large buffers: asked once, when the copy has proven {@code fast}, it takes
     * room for all its buffers if the node has it, and holds it until {@link #close}.
     */
    boolean large(boolean fast) {
        if (large == null) {
            large = fast && largeRoom.tryAcquire(capacity);
        }
        return large;
    }

    /** Gives the room of large buffers back; the copy's users must be done with every buffer. */
    @Override
    public void close() {
        if (Boolean.TRUE.equals(large)) {
            largeRoom.release(capacity);
        }
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
