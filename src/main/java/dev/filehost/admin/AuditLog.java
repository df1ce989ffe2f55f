package dev.filehost.admin;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Records every admin action, from the CLI or the panel, and reads them back. */
public final class AuditLog {
    private static final int MAX_TEXT = 4000;

    private final AuditRepository repository;
    private final Clock clock;

    public AuditLog(AuditRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    public void record(Actor actor, String action, String target, String change) {
        repository.insert(actor, action, clip(target, 255), clip(change, MAX_TEXT), clock.millis());
    }

    public List<AuditEntry> since(Instant since, int limit) {
        return repository.since(since.toEpochMilli(), limit);
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
