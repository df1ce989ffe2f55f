package dev.filehost.cli;

import dev.filehost.admin.Actor;
import dev.filehost.app.Components;
import dev.filehost.urlimport.ImportItem;
import dev.filehost.urlimport.ImportStatus;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "import", mixinStandardHelpOptions = true, description = "Watch and cancel remote URL imports.",
        subcommands = {ImportCommand.ListImports.class, ImportCommand.Cancel.class})
public final class ImportCommand extends GroupCommand {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the most recent import items.")
    static final class ListImports extends ComponentsCommand {
        private static final Table<ImportItem> TABLE = new Table<>("%-8s %-8s %-12s %14s  %s%n",
                List.of("ID", "USER", "STATUS", "DOWNLOADED", "URL"),
                item -> new Object[] {item.id(), item.userId(), item.status().value(), item.downloadedSize(),
                        item.url() + (item.notes() == null ? "" : "  (" + item.notes() + ")")});

        @Option(names = "--limit", defaultValue = "50", description = "How many items (default: ${DEFAULT-VALUE}).")
        int limit;
        @Option(names = "--status", paramLabel = "pending|downloading|processing|complete|failed|cancelled",
                description = "Only items in this state.")
        String status;

        @Override
        void run(Components components, PrintWriter out) {
            ImportStatus only = status == null ? null : ImportStatus.named(status).orElseThrow(() ->
                    new IllegalArgumentException("status must be one of pending, downloading, processing, complete, "
                            + "failed or cancelled"));
            TABLE.print(out, components.importAdmin().recent(only, Math.max(1, Math.min(limit, 10_000))));
        }
    }

    @Command(name = "cancel", mixinStandardHelpOptions = true,
            description = "Cancel an unfinished import; a running download stops within a second.")
    static final class Cancel extends IdCommand {
        @Override
        void run(Components components, PrintWriter out) {
            components.importAdmin().cancel(Actor.cli(), id);
            out.println("Cancelled import " + id);
        }
    }
}
