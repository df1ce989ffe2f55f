package dev.filehost.tus;

import dev.filehost.account.Packages;
import dev.filehost.account.User;
import dev.filehost.auth.AuthService;
import dev.filehost.core.RateLimiter;
import dev.filehost.db.Database;
import dev.filehost.file.FileLinks;
import dev.filehost.file.FileRepository;
import dev.filehost.file.FolderLookup;
import dev.filehost.file.UploadService;
import dev.filehost.http.CallGate;
import dev.filehost.http.ClientAddress;
import dev.filehost.http.Envelope;
import dev.filehost.storage.ResumableStaging;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The resumable upload feature, wired once: the protocol's routes for the server, and what
 * operators and housekeeping do with uploads in progress on any node.
 */
public final class ResumableUploads {
    private final TusUploadRepository repository;
    private final TusService service;
    private final TusAppender appender;
    private final UploadLeases leases;
    private final TusMetrics metrics;
    private final Clock clock;

    public ResumableUploads(Database database, ResumableStaging staging, UploadService uploads, Packages packages,
                            FolderLookup folders, FileRepository files, MeterRegistry registry, Clock clock,
                            Duration expiry) {
        this.repository = new TusUploadRepository(database);
        StagedDigests digests = new StagedDigests();
        this.leases = new UploadLeases(repository, clock);
        this.metrics = new TusMetrics(registry);
        this.clock = clock;
        this.service = new TusService(repository, staging, uploads, packages, folders, files, digests, leases, metrics,
                clock, expiry);
        TusCompletion completion = new TusCompletion(repository, staging, uploads, digests, metrics, clock,
                expiry);
        this.appender = new TusAppender(service, repository, staging, uploads, digests, leases, completion, metrics,
                clock, expiry);
    }

    public TusRoutes routes(AuthService auth, TusRoutes.Guests guests, Envelope envelope, ClientAddress clientAddress,
                            RateLimiter addressLimiter, RateLimiter tokenLimiter, CallGate<User> gate, FileLinks links,
                            String publicUrl) {
        return new TusRoutes(service, appender, auth, guests, envelope, clientAddress, addressLimiter, tokenLimiter,
                gate,
                links, publicUrl);
    }

    /** Uploads not yet complete, oldest first. */
    public List<TusUpload> inProgress() {
        return repository.listInProgress();
    }

    /** Ends an unfinished upload and drops its bytes; false when there is none such. */
    public boolean cancel(String id) {
        Optional<TusUpload> upload = repository.find(id).filter(found -> !found.isComplete());
        upload.ifPresent(found -> {
            try (UploadLeases.Lease lease = leases.claim(id)) {
                service.remove(found);
            } catch (TusFailure.TusException locked) {
                throw new IllegalArgumentException("a request is sending to upload " + id + "; try again shortly");
            }
        });
        return upload.isPresent();
    }

    /**
     * Removes up to {@code batch} uploads whose expiry passed: unfinished ones with their bytes
     * (skipping one a PATCH holds right now), complete ones' rows.
     *
     * @return the uploads removed
     */
    public int expire(int batch) {
        int removed = 0;
        for (TusUpload upload : repository.listExpired(clock.millis(), batch)) {
            if (upload.isComplete()) {
                removed += repository.delete(upload.id()) ? 1 : 0;
            } else if (removeUnfinished(upload)) {
                metrics.expired();
                removed++;
            }
        }
        return removed;
    }

    private boolean removeUnfinished(TusUpload upload) {
        try (UploadLeases.Lease lease = leases.claim(upload.id())) {
            service.remove(upload);
            return true;
        } catch (TusFailure.TusException heldByAPatch) {
            return false;
        }
    }
}
