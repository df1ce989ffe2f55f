package dev.filehost.urlimport;

import dev.filehost.account.Packages;
import dev.filehost.account.User;
import dev.filehost.account.UserRepository;
import dev.filehost.core.Refusal;
import dev.filehost.file.StoredFile;
import dev.filehost.file.UploadService;
import dev.filehost.file.UploadSource;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The import workers of this node: a fixed number of virtual threads that claim items from the
 * shared queue, stream each file through the upload path ({@link UploadService#receive}), and report
 * progress as they go.
 */
public final class ImportWorkers implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ImportWorkers.class);
    private static final Duration POLL = Duration.ofSeconds(2);
    private static final Duration PROGRESS_EVERY = Duration.ofMillis(500);
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);
    static final int MAX_ATTEMPTS = 3;
    static final String STORE_FAILED = "The file could not be stored. Please try again later.";

    private final ImportRepository queue;
    private final RemoteFetcher fetcher;
    private final UploadService uploads;
    private final UserRepository users;
    private final Packages packages;
    private final Clock clock;
    private final int workerCount;
    private final String node = "node-" + UUID.randomUUID();
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private Thread[] threads = new Thread[0];

    public ImportWorkers(ImportRepository queue, RemoteFetcher fetcher, UploadService uploads, UserRepository users,
                         Packages packages, Clock clock, int workerCount) {
        this.queue = queue;
        this.fetcher = fetcher;
        this.uploads = uploads;
        this.users = users;
        this.packages = packages;
        this.clock = clock;
        this.workerCount = workerCount;
    }

    public void start() {
        running = true;
        threads = new Thread[workerCount];
        for (int i = 0; i < workerCount; i++) {
            threads[i] = Thread.ofVirtual().name("url-import-" + i).start(this::work);
        }
    }

    /** A new item is queued: a sleeping worker looks now instead of at its next poll. */
    void wake() {
        wakeUp.release();
    }

    /** Puts the items of dead workers (of any node) back in the queue. */
    public int recoverAbandoned() {
        long now = clock.millis();
        return queue.recoverAbandoned(now - ABANDONED_AFTER.toMillis(), MAX_ATTEMPTS, now);
    }

    private void work() {
        while (running) {
            try {
                Optional<ImportItem> item = queue.claimNext(node, clock.millis());
                if (item.isPresent()) {
                    process(item.get());
                } else {
                    wakeUp.tryAcquire(POLL.toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                log.error("URL import worker failed; it goes on with the next item", e);
                sleepQuietly();
            }
        }
    }

    /** Runs one claimed item to its end: complete, failed with a note, or cancelled meanwhile. */
    void process(ImportItem item) {
        try {
            StoredFile file = fetchAndStore(item);
            if (!queue.complete(item.id(), node, file.id(), file.size(), clock.millis())) {
                log.info("Import {} was cancelled as it finished; its file {} stays", item.id(), file.id());
            }
        } catch (ImportFailure e) {
            queue.fail(item.id(), node, e.getMessage(), clock.millis());
        } catch (Refusal e) {
            queue.fail(item.id(), node, e.getMessage(), clock.millis());
        } catch (CancelledException e) {
            log.debug("Import {} cancelled while downloading", item.id());
        } catch (IOException e) {
            // The detail (addresses, connection state) is for the operator; the owner reads the note.
            log.warn("Import {} from {} failed", item.id(), URI.create(item.url()).getHost(), e);
            queue.fail(item.id(), node, noteFor(e), clock.millis());
        }
    }

    /** The remote side's failure in one sentence; anything else happened while storing the bytes. */
    private static String noteFor(IOException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RemoteBody.BrokenTransferException broken) {
                return broken.getMessage();
            }
        }
        return STORE_FAILED;
    }

    private StoredFile fetchAndStore(ImportItem item) throws ImportFailure, IOException {
        User user = users.findById(item.userId()).orElseThrow(() -> new ImportFailure("The account no longer exists."));
        try (RemoteFile remote = fetcher.open(URI.create(item.url()))) {
            var upload = new UploadService.Upload(user, packages.of(user), remote.name(), item.folderId(), null,
                    UploadSource.URL_IMPORT, remote.declaredSize().orElse(0));
            Long total = remote.declaredSize().isPresent() ? remote.declaredSize().getAsLong() : null;
            if (!queue.progress(item.id(), node, total, 0, ImportStatus.DOWNLOADING, clock.millis())) {
                throw new CancelledException();
            }
            return uploads.receive(new ProgressInput(remote.body(), item.id(), total), UploadService.Sender.known(upload))
                    .file();
        }
    }

    /** Counts bytes as they arrive and writes progress and heartbeat now and then. */
    private final class ProgressInput extends FilterInputStream {
        private final long itemId;
        private final Long total;
        private long received;
        private long reportedAtNanos = System.nanoTime() - PROGRESS_EVERY.toNanos();

        ProgressInput(InputStream in, long itemId, Long total) {
            super(in);
            this.itemId = itemId;
            this.total = total;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                received += n;
            }
            report(n < 0);
            return n;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        private void report(boolean finished) throws CancelledException {
            if (!finished && System.nanoTime() - reportedAtNanos < PROGRESS_EVERY.toNanos()) {
                return;
            }
            reportedAtNanos = System.nanoTime();
            ImportStatus status = finished ? ImportStatus.PROCESSING : ImportStatus.DOWNLOADING;
            if (!queue.progress(itemId, node, total, received, status, clock.millis())) {
                throw new CancelledException();
            }
        }
    }

    /** The item was cancelled (or taken away) while we worked on it. */
    private static final class CancelledException extends IOException {
        CancelledException() {
            super("cancelled");
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        for (Thread thread : threads) {
            thread.interrupt();
        }
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        fetcher.close();
    }
}
