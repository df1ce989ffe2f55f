package dev.filehost.cli;

import dev.filehost.admin.AbuseReport;
import dev.filehost.admin.Actor;
import dev.filehost.admin.ReportStatus;
import dev.filehost.app.Components;
import java.io.PrintWriter;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "report", mixinStandardHelpOptions = true, description = "Work the abuse report queue.",
        subcommands = {ReportCommand.ListReports.class, ReportCommand.Remove.class, ReportCommand.Dismiss.class})
public final class ReportCommand extends GroupCommand {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List abuse reports, oldest first.")
    static final class ListReports implements Runnable {
        @Mixin
        ConfigOption config;
        @Spec
        CommandSpec spec;
        @Option(names = "--status", paramLabel = "open|removed|dismissed", description = "Only reports in this state.")
        String status;

        @Override
        public void run() {
            ReportStatus only = status == null ? null : ReportStatus.parse(status).orElseThrow(() ->
                    new IllegalArgumentException("status must be open, removed or dismissed"));
            try (Components components = config.components()) {
                PrintWriter out = spec.commandLine().getOut();
                out.printf("%-6s %-8s %-10s %-24s %-30s %-20s %s%n", "ID", "FILE", "STATUS", "FILED", "REPORTER",
                        "REASON", "DETAILS");
                for (AbuseReport report : components.abuseReports().list(only)) {
                    out.printf("%-6d %-8d %-10s %-24s %-30s %-20s %s%n", report.id(), report.fileId(),
                            report.status().value(), Instant.ofEpochMilli(report.createdAt()),
                            report.reporterEmail() + " " + report.reporterIp(), report.reason(),
                            report.details().replaceAll("\\s+", " "));
                }
                out.flush();
            }
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Send the reported file to the trash; its page then says it was removed after a report.")
    static final class Remove implements Runnable {
        @Mixin
        ConfigOption config;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "ID")
        long id;

        @Override
        public void run() {
            try (Components components = config.components()) {
                AbuseReport report = components.abuseReports().remove(Actor.cli(), id);
                spec.commandLine().getOut().println("File " + report.fileId() + " removed after report " + id);
                spec.commandLine().getOut().flush();
            }
        }
    }

    @Command(name = "dismiss", mixinStandardHelpOptions = true, description = "Close a report, keeping the file.")
    static final class Dismiss implements Runnable {
        @Mixin
        ConfigOption config;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "ID")
        long id;

        @Override
        public void run() {
            try (Components components = config.components()) {
                components.abuseReports().dismiss(Actor.cli(), id);
                spec.commandLine().getOut().println("Dismissed report " + id);
                spec.commandLine().getOut().flush();
            }
        }
    }
}
