package dev.filehost.cli;

import dev.filehost.admin.AuditEntry;
import dev.filehost.app.Components;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "audit", mixinStandardHelpOptions = true, description = "Read the log of admin actions.",
        subcommands = AuditCommand.ListEntries.class)
public final class AuditCommand extends GroupCommand {
    private static final int LIMIT = 1000;

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List admin actions, newest first (at most " + LIMIT + ").")
    static final class ListEntries extends ComponentsCommand {
        private static final Table<AuditEntry> TABLE = new Table<>("%-24s %-20s %-16s %-18s %-24s %s%n",
                List.of("WHEN", "WHO", "FROM", "ACTION", "TARGET", "CHANGE"),
                entry -> new Object[] {Instant.ofEpochMilli(entry.at()), entry.actor(), entry.address(),
                        entry.action(), entry.target(), entry.change()});

        @Option(names = "--since", paramLabel = "TIME", converter = AgeConverter.class, defaultValue = "30d",
                description = "How far back, e.g. 12h or 7d (default: ${DEFAULT-VALUE}).")
        Duration since;

        @Override
        void run(Components components, PrintWriter out) {
            TABLE.print(out, components.audit().since(components.clock().instant().minus(since), LIMIT));
        }
    }
}
