package dev.filehost.cli;

import dev.filehost.admin.AuditEntry;
import dev.filehost.app.Components;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "audit", mixinStandardHelpOptions = true, description = "Read the log of admin actions.",
        subcommands = AuditCommand.ListEntries.class)
public final class AuditCommand extends GroupCommand {
    private static final int LIMIT = 1000;

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List admin actions, newest first (at most " + LIMIT + ").")
    static final class ListEntries implements Runnable {
        @Mixin
        ConfigOption config;
        @Spec
        CommandSpec spec;
        @Option(names = "--since", paramLabel = "TIME", converter = AgeConverter.class, defaultValue = "30d",
                description = "How far back, e.g. 12h or 7d (default: ${DEFAULT-VALUE}).")
        Duration since;

        @Override
        public void run() {
            try (Components components = config.components()) {
                PrintWriter out = spec.commandLine().getOut();
                Instant from = components.clock().instant().minus(since);
                out.printf("%-24s %-20s %-16s %-18s %-24s %s%n", "WHEN", "WHO", "FROM", "ACTION", "TARGET", "CHANGE");
                for (AuditEntry entry : components.audit().since(from, LIMIT)) {
                    out.printf("%-24s %-20s %-16s %-18s %-24s %s%n", Instant.ofEpochMilli(entry.at()), entry.actor(),
                            entry.address(), entry.action(), entry.target(), entry.change());
                }
                out.flush();
            }
        }
    }
}
