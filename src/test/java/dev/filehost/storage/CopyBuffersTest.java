package dev.filehost.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
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
}
