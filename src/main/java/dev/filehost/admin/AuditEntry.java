package dev.filehost.admin;

/** One admin action: who, from where, when (epoch millis), what it acted on and what changed. */
public record AuditEntry(long id, String actor, String address, String action, String target, String change,
                         long at) {
}
