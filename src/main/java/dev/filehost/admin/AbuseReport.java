package dev.filehost.admin;

/** A visitor's report about a file; times in epoch millis, {@code resolvedAt}/{@code resolvedBy} null while open. */
public record AbuseReport(long id, long fileId, String reason, String reporterEmail, String details,
                          String reporterIp, ReportStatus status, long createdAt, Long resolvedAt, String resolvedBy) {
}
