package dev.filehost.cli;

import dev.filehost.admin.AbuseReport;
import dev.filehost.admin.Actor;
import dev.filehost.admin.ReportStatus;
import dev.filehost.app.Components;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "report", mixinStandardHelpOptions = true, description = "Work the abuse report queue.",
        subcommands = {ReportCommand.ListReports.class, ReportCommand.Remove.class, ReportCommand.Dismiss.class})
public final class ReportCommand extends GroupCommand {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List abuse reports, oldest first.")
    static final class ListReports extends ComponentsCommand {
        private static final Table<AbuseReport> TABLE = new Table<>("%-6s %-8s %-10s %-24s %-30s %-20s %s%n",
                List.of("ID", "FILE", "STATUS", "FILED", "REPORTER", "REASON", "DETAILS"),
                report -> new Object[] {report.id(), report.fileId(), report.status().value(),
                        Instant.ofEpochMilli(report.createdAt()), report.reporterEmail() + " " + report.reporterIp(),
                        report.reason(), report.details().replaceAll("\\s+", " ")});

        @Option(names = "--status", paramLabel = "open|removed|dismissed", description = "Only reports in this state.")
        String status;
        private ReportStatus only;

        @Override
        public void run() {
            only = status == null ? null : ReportStatus.parse(status).orElseThrow(() ->
                    new IllegalArgumentException("status must be open, removed or dismissed"));
            super.run();
        }

        @Override
        void run(Components components, PrintWriter out) {
            TABLE.print(out, components.abuseReports().list(only));
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Send the reported file to the trash; its page then says it was removed after a report.")
    static final class Remove extends IdCommand {
        @Override
        void run(Components components, PrintWriter out) {
            AbuseReport report = components.abuseReports().remove(Actor.cli(), id);
            out.println("File " + report.fileId() + " removed after report " + id);
        }
    }

    @Command(name = "dismiss", mixinStandardHelpOptions = true, description = "Close a report, keeping the file.")
    static final class Dismiss extends IdCommand {
        @Override
        void run(Components components, PrintWriter out) {
            components.abuseReports().dismiss(Actor.cli(), id);
            out.println("Dismissed report " + id);
        }
    }
}
