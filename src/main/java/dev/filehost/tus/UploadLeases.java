package dev.filehost.tus;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/**
 * One PATCH at a time per upload, across every node: a PATCH holds the upload's lease in the
 * database and renews it while bytes arrive. A client that stalls stops the renewals, so after
 * {@link #STALL_TIMEOUT} a resuming client takes the upload over; the stalled PATCH finds its lease
 * gone at its next read and stops before writing again.
 */
final class UploadLeases {
    static final Duration STALL_TIMEOUT = Duration.ofSeconds(30);
    private static final long RENEW_AFTER_MILLIS = STALL_TIMEOUT.toMillis() / 3;
    private static final int CLAIM_ATTEMPTS = 40;
    private static final Duration CLAIM_PAUSE = Duration.ofMillis(100);

    private final TusUploadRepository repository;
    private final Clock clock;

    UploadLeases(TusUploadRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /**
     * The upload's lease, waiting up to {@link #CLAIM_ATTEMPTS} x {@link #CLAIM_PAUSE} for a PATCH that is
     * just ending (a client that retries at once after a broken connection meets its own last PATCH,
     * which the server has not yet seen fail); 423 Locked if another PATCH still holds it then.
     */
    Lease claim(String uploadId) {
        Lease lease = new Lease(uploadId, UUID.randomUUID().toString());
        for (int attempt = 1; !lease.renew(); attempt++) {
            if (attempt == CLAIM_ATTEMPTS) {
                throw TusFailure.LOCKED.because("Another request is sending to this upload; try again shortly.");
            }
            pause();
        }
        return lease;
    }

    private static void pause() {
        try {
            Thread.sleep(CLAIM_PAUSE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw TusFailure.LOCKED.because("Another request is sending to this upload; try again shortly.");
        }
    }

    /** Thrown by a leased stream whose lease another request took over. */
    static final class LeaseLostException extends IOException {
        LeaseLostException() {
            super("the upload's lease was taken over after a stall");
        }
    }

    final class Lease implements AutoCloseable {
        private final String uploadId;
        private final String owner;
        private long renewedAt;
        private boolean ended;

        private Lease(String uploadId, String owner) {
            this.uploadId = uploadId;
            this.owner = owner;
        }

        String owner() {
            return owner;
        }

        private boolean renew() {
            long now = clock.millis();
            renewedAt = now;
            return repository.claimLease(uploadId, owner, now, now + STALL_TIMEOUT.toMillis());
        }

        /** The body, renewing the lease as it is read; a read after the lease was lost fails. */
        InputStream guard(InputStream body) {
            return new FilterInputStream(body) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    renewIfDue();
                    return b;
                }

                @Override
                public int read(byte[] bytes, int offset, int length) throws IOException {
                    int read = super.read(bytes, offset, length);
                    renewIfDue();
                    return read;
                }
            };
        }

        private void renewIfDue() throws LeaseLostException {
            if (clock.millis() - renewedAt >= RENEW_AFTER_MILLIS && !renew()) {
                throw new LeaseLostException();
            }
        }

        /** The lease was ended by the write that recorded the PATCH's outcome; closing writes nothing more. */
        void ended() {
            ended = true;
        }

        @Override
        public void close() {
            if (!ended) {
                repository.releaseLease(uploadId, owner);
            }
        }
    }
}
