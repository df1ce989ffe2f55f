package dev.filehost.admin;

import dev.filehost.core.RateLimiter;
import dev.filehost.core.Refusal;
import dev.filehost.file.FileRepository;
import dev.filehost.file.FileService;
import dev.filehost.file.StoredFile;
import java.time.Clock;
import java.util.List;

/**
 * The abuse report queue: visitors file reports about a file (a few a minute per address), the operator
 * removes the file to the trash or dismisses the report. A file removed after a report keeps that mark.
 */
public final class AbuseReports {
    public static final int REPORTS_PER_MINUTE = 3;
    public static final int MAX_LISTED = 500;
    /** What a visitor may report a file for; the public form offers these. */
    public static final List<String> REASONS = List.of("Copyright infringement", "Illegal content",
            "Malware or phishing", "Spam", "Other");
    static final String NO_FILE = "Could not find the file to report.";
    private static final int MAX_REASON = 100;
    private static final int MAX_EMAIL = 255;
    private static final int MAX_DETAILS = 4000;

    private final AbuseReportRepository repository;
    private final FileRepository files;
    private final FileService fileService;
    private final AuditLog audit;
    private final RateLimiter perAddress;
    private final Clock clock;

    public AbuseReports(AbuseReportRepository repository, FileRepository files, FileService fileService,
                        AuditLog audit, RateLimiter perAddress, Clock clock) {
        this.repository = repository;
        this.files = files;
        this.fileService = fileService;
        this.audit = audit;
        this.perAddress = perAddress;
        this.clock = clock;
    }

    /** A visitor at {@code ip} reports an active file; refused when the address reports too often. */
    public AbuseReport file(long fileId, String reason, String reporterEmail, String details, String ip) {
        String cleanReason = required(reason, "reason", MAX_REASON);
        if (!REASONS.contains(cleanReason)) {
            throw Refusal.badInput("Please choose one of the reasons: " + String.join(", ", REASONS) + ".");
        }
        String email = required(reporterEmail, "email", MAX_EMAIL);
        if (!email.contains("@") || email.chars().anyMatch(Character::isWhitespace)) {
            throw Refusal.badInput("Please provide a valid email address.");
        }
        String cleanDetails = required(details, "details", MAX_DETAILS);
        files.findById(fileId).filter(StoredFile::isActive).orElseThrow(() -> Refusal.notFound(NO_FILE));
        long wait = perAddress.acquire("report:" + ip);
        if (wait > 0) {
            throw Refusal.rateLimited(wait);
        }
        long id = repository.insert(fileId, cleanReason, email, cleanDetails, ip, clock.millis());
        return repository.find(id).orElseThrow();
    }

    /** The queue, oldest first; every status when {@code status} is null. */
    public List<AbuseReport> list(ReportStatus status) {
        return repository.list(status, MAX_LISTED);
    }

    /** Sends the reported file to the trash; the file's open reports close as removed. */
    public AbuseReport remove(Actor actor, long reportId) {
        AbuseReport report = open(reportId);
        files.findById(report.fileId()).filter(StoredFile::isActive).ifPresent(fileService::trash);
        int closed = repository.resolveOpenOf(report.fileId(), ReportStatus.REMOVED, actor.name(), clock.millis());
        audit.record(actor, "report.remove", "file " + report.fileId(),
                "trashed after report " + reportId + " (" + closed + " open report(s) closed)");
        return repository.find(reportId).orElseThrow();
    }

    public AbuseReport dismiss(Actor actor, long reportId) {
        open(reportId);
        if (!repository.resolve(reportId, ReportStatus.DISMISSED, actor.name(), clock.millis())) {
            throw new IllegalArgumentException("report " + reportId + " is no longer open");
        }
        AbuseReport report = repository.find(reportId).orElseThrow();
        audit.record(actor, "report.dismiss", "file " + report.fileId(), "report " + reportId + " dismissed");
        return report;
    }

    /** True when the file a short URL names is no longer active because it went to the trash after a report. */
    public boolean removedAfterReport(String shortUrl) {
        return files.findByShortUrl(shortUrl).filter(file -> !file.isActive())
                .filter(file -> repository.anyWithStatus(file.id(), ReportStatus.REMOVED)).isPresent();
    }

    private AbuseReport open(long reportId) {
        AbuseReport report = repository.find(reportId)
                .orElseThrow(() -> new IllegalArgumentException("no report " + reportId));
        if (report.status() != ReportStatus.OPEN) {
            throw new IllegalArgumentException("report " + reportId + " is already " + report.status().value());
        }
        return report;
    }

    private static String required(String value, String name, int max) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty() || text.length() > max) {
            throw Refusal.badInput("Please provide the " + name + " (at most " + max + " characters).");
        }
        return text;
    }
}
