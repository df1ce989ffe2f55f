package dev.filehost.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CopyBuffersTest {

    @Test
    void aBufferReturnsOnlyAfterEveryUserReleasedIt() throws Exception {
        CopyBuffers buffers = new CopyBuffers(2);
        CopyBuffers.Loan first = buffers.take(16, 2);

        first.release();
        CopyBuffers.Loan whileStillUsed = buffers.take(16, 1);
        first.release();
        CopyBuffers.Loan afterBothUsers = buffers.take(16, 1);

        assertThat(whileStillUsed.bytes()).isNotSameAs(first.bytes());
        assertThat(afterBothUsers.bytes()).isSameAs(first.bytes());
    }

    @Test
    void aCopyThatNeverGetsAheadKeepsReusingOneBuffer() throws Exception {
        CopyBuffers buffers = new CopyBuffers(4);
        CopyBuffers.Loan first = buffers.take(16, 1);
        first.release();

        for (int i = 0; i < 10; i++) {
            CopyBuffers.Loan next = buffers.take(16, 1);
            assertThat(next.bytes()).isSameAs(first.bytes());
            next.release();
        }
    }

    @Test
    void whenAllAreOutTheNextTakeWaitsForOneToComeBack() throws Exception {
        CopyBuffers buffers = new CopyBuffers(2);
        CopyBuffers.Loan first = buffers.take(16, 1);
        buffers.take(16, 1);

        CompletableFuture<byte[]> third = CompletableFuture.supplyAsync(() -> {
            try {
                return buffers.take(16, 1).bytes();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(third).isNotCompleted();
        Thread.sleep(100);
        assertThat(third).isNotCompleted();
        first.release();
        assertThat(third.get(5, TimeUnit.SECONDS)).isSameAs(first.bytes());
    }

    @Test
    void aFreeBufferTooSmallForTheRequestIsReplacedByALargerOne() throws Exception {
        CopyBuffers buffers = new CopyBuffers(1);
        buffers.take(16, 1).release();

        CopyBuffers.Loan larger = buffers.take(64, 1);

        assertThat(larger.bytes()).hasSize(64);
        larger.release();
        assertThat(buffers.take(16, 1).bytes()).isSameAs(larger.bytes());
    }

    @Test
    void largeBuffersGoToFastCopiesWhileTheNodeHasRoomForAllOfTheirs() {
        Semaphore room = new Semaphore(6);
        CopyBuffers slow = new CopyBuffers(4, room);
        CopyBuffers first = new CopyBuffers(4, room);
        CopyBuffers second = new CopyBuffers(4, room);

        assertThat(slow.large(false)).isFalse();
        assertThat(first.large(true)).isTrue();
        assertThat(second.large(true)).as("room for 2 of its 4 buffers only").isFalse();
        assertThat(first.large(false)).as("decided once per copy").isTrue();
        assertThat(room.availablePermits()).isEqualTo(2);

        slow.close();
        second.close();
        first.close();
        assertThat(room.availablePermits()).isEqualTo(6);
        assertThat(new CopyBuffers(4, room).large(true)).isTrue();
    }
}
