package dev.filehost.web;

import dev.filehost.admin.AbuseReports;
import dev.filehost.core.ErrorKind;
import dev.filehost.core.Refusal;
import dev.filehost.file.StoredFile;
import io.javalin.http.Context;
import java.util.Objects;

/**
 * The answer to the file page's report form ("~r", POST with the visitor's CSRF token): the file page again,
 * thanking the visitor or showing what to fix. A filled {@value #HONEYPOT} field, which people never see,
 * marks a bot: it is thanked alike and nothing is stored.
 */
public final class ReportPages {
    static final String HONEYPOT = "website";
    static final String TOO_MANY = "You have sent several reports in a short time. Please wait %d seconds and try again.";

    private final AbuseReports reports;
    private final FilePages filePages;
    private final SiteGate gate;

    public ReportPages(AbuseReports reports, FilePages filePages, SiteGate gate) {
        this.reports = reports;
        this.filePages = filePages;
        this.gate = gate;
    }

    void report(Context ctx, StoredFile file, String ip) {
        if (!gate.csrf(ctx)) {
            return;
        }
        String action = FilePages.reportAction(file);
        String trap = ctx.formParam(HONEYPOT);
        if (trap != null && !trap.isEmpty()) {
            filePages.file(ctx, 200, file, ip, ReportForm.thanked(action));
            return;
        }
        ReportForm filled = new ReportForm(action, ctx.formParam("reason"), text(ctx, "email"), text(ctx, "details"),
                false, null);
        try {
            reports.file(file.id(), filled.reason(), filled.email(), filled.details(), ip);
            filePages.file(ctx, 200, file, ip, ReportForm.thanked(action));
        } catch (Refusal refusal) {
            String problem = refusal.getMessage();
            if (refusal.kind() == ErrorKind.TOO_MANY_REQUESTS) {
                ctx.header("Retry-After", Long.toString(refusal.retryAfterSeconds()));
                problem = TOO_MANY.formatted(refusal.retryAfterSeconds());
            }
            filePages.file(ctx, refusal.kind().httpStatus(true), file, ip, filled.refused(problem));
        }
    }

    private static String text(Context ctx, String field) {
        return Objects.requireNonNullElse(ctx.formParam(field), "");
    }
}
