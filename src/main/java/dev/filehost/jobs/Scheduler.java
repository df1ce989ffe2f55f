package dev.filehost.jobs;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs housekeeping tasks on a fixed delay; a failing run is logged and tried again next time. */
public final class Scheduler implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Scheduler.class);

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "filehost-jobs");
        thread.setDaemon(true);
        return thread;
    });

    /** Runs {@code task} a first time one {@code period} from now. */
    public void every(Duration period, String name, Runnable task) {
        every(period, period, name, task);
    }

    /** Runs {@code task} a first time {@code firstAfter} from now. */
    public void every(Duration firstAfter, Duration period, String name, Runnable task) {
        executor.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("Background job {} failed; it runs again in {}", name, period, e);
            }
        }, firstAfter.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
