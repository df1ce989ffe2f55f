package dev.filehost.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class SerialWorkerTest {

    @Test
    void tasksQueueUpAndRunOneAtATimeInOrder() throws Exception {
        List<Integer> ran = new CopyOnWriteArrayList<>();
        CountDownLatch release = new CountDownLatch(1);
        try (SerialWorker worker = new SerialWorker()) {
            worker.submit(() -> awaitUninterruptibly(release));
            for (int i = 0; i < 100; i++) {
                int task = i;
                worker.submit(() -> ran.add(task));
            }
            assertThat(worker.isIdle()).isFalse();
            assertThat(ran).isEmpty();

            release.countDown();
            worker.finish();

            assertThat(worker.isIdle()).isTrue();
            assertThat(ran).hasSize(100).isSorted();
        }
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        while (true) {
            try {
                latch.await();
                return;
            } catch (InterruptedException e) {
                // keep waiting: the test releases it
            }
        }
    }

    @Test
    void aFailureIsReportedOnceTheTaskRanAndLaterTasksStillRunSoTheyCanCleanUp() throws Exception {
        List<String> ran = new CopyOnWriteArrayList<>();
        CountDownLatch fail = new CountDownLatch(1);
        try (SerialWorker worker = new SerialWorker()) {
            worker.submit(() -> {
                awaitUninterruptibly(fail);
                throw new IOException("No space left on device");
            });
            worker.submit(() -> ran.add("queued before the failure was seen"));
            fail.countDown();

            assertThatThrownBy(worker::finish).isInstanceOf(IOException.class)
                    .hasMessage("No space left on device");
            assertThatThrownBy(() -> worker.submit(() -> ran.add("after")))
                    .isInstanceOf(IOException.class);
            assertThat(ran).containsExactly("queued before the failure was seen");
        }
    }
}
