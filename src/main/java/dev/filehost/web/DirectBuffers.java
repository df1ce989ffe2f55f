package dev.filehost.web;

import java.nio.ByteBuffer;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * Direct buffers of one size, reused: one allocated per download would be freed only when the
 * garbage collector gets round to it, and the process would hold that memory meanwhile.
 */
final class DirectBuffers {
    private final int bufferBytes;
    private final ArrayBlockingQueue<ByteBuffer> idle;

    DirectBuffers(int bufferBytes, int keepIdle) {
        this.bufferBytes = bufferBytes;
        this.idle = new ArrayBlockingQueue<>(keepIdle);
    }

    ByteBuffer take() {
        ByteBuffer buffer = idle.poll();
        return buffer != null ? buffer.clear() : ByteBuffer.allocateDirect(bufferBytes);
    }

    /** Takes back a buffer nothing refers to any more; beyond the ones kept idle it is dropped. */
    void give(ByteBuffer buffer) {
        idle.offer(buffer);
    }
}
