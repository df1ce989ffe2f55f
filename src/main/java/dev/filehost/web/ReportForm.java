package dev.filehost.web;

import dev.filehost.admin.AbuseReports;
import java.util.List;

/**
 * The "Report this file" form of a file page: blank, filled again after a refusal (with its text in
 * {@code problem}), or replaced by the thank-you once sent.
 */
record ReportForm(String action, String reason, String email, String details, boolean sent, String problem) {

    /** One choice of the reason list. */
    record Reason(String label, boolean selected) {
    }

    static ReportForm blank(String action) {
        return new ReportForm(action, null, "", "", false, null);
    }

    static ReportForm thanked(String action) {
        return new ReportForm(action, null, "", "", true, null);
    }

    ReportForm refused(String text) {
        return new ReportForm(action, reason, email, details, false, text);
    }

    /** Open when the visitor has just used it, so the answer shows. */
    boolean open() {
        return sent || problem != null;
    }

    List<Reason> reasons() {
        return AbuseReports.REASONS.stream().map(label -> new Reason(label, label.equals(reason))).toList();
    }
}
