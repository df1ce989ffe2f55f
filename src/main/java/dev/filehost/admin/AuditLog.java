package dev.filehost.admin;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Records every admin action, from the CLI or the panel, and reads them back. */
public final class AuditLog {
    public static final int PER_PAGE = 50;
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

    /**
     * What an operator looks for: part of the actor's name and of the action (blank: any), entries from
     * {@code from} on and before {@code before} (null: unbounded); {@code page} counts from 1.
     */
    public record Query(String actor, String action, Instant from, Instant before, int page) {
    }

    /** One page of entries, newest first; {@code hasMore} when the next page has some. */
    public record Found(List<AuditEntry> entries, int page, boolean hasMore) {
    }

    public Found find(Query query) {
        int page = Math.max(1, query.page());
        List<AuditEntry> found = repository.search(blankToNull(query.actor()), blankToNull(query.action()),
                query.from() == null ? null : query.from().toEpochMilli(),
                query.before() == null ? null : query.before().toEpochMilli(), (page - 1) * PER_PAGE, PER_PAGE + 1);
        boolean more = found.size() > PER_PAGE;
        return new Found(more ? found.subList(0, PER_PAGE) : found, page, more);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
