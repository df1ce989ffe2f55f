package dev.filehost.cli;

import dev.filehost.app.Components;
import dev.filehost.urlimport.ImportItem;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "import", mixinStandardHelpOptions = true, description = "Watch and cancel remote URL imports.",
        subcommands = {ImportCommand.ListImports.class, ImportCommand.Cancel.class})
public final class ImportCommand extends GroupCommand {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the most recent import items.")
    static final class ListImports implements Runnable {
        @Mixin
        ConfigOption config;
        @Spec
        CommandSpec spec;
        @Option(names = "--limit", defaultValue = "50", description = "How many items (default: ${DEFAULT-VALUE}).")
        int limit;

        @Override
        public void run() {
            try (Components components = config.components()) {
                PrintWriter out = spec.commandLine().getOut();
                out.printf("%-8s %-8s %-12s %14s  %s%n", "ID", "USER", "STATUS", "DOWNLOADED", "URL");
                for (ImportItem item : components.imports().recent(Math.max(1, Math.min(limit, 10_000)))) {
                    out.printf("%-8d %-8d %-12s %14d  %s%s%n", item.id(), item.userId(), item.status().value(),
                            item.downloadedSize(), item.url(), item.notes() == null ? "" : "  (" + item.notes() + ")");
                }
                out.flush();
            }
        }
    }

    @Command(name = "cancel", mixinStandardHelpOptions = true,
            description = "Cancel an unfinished import; a running download stops within a second.")
    static final class Cancel implements Runnable {
        @Mixin
        ConfigOption config;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "ID")
        long id;

        @Override
        public void run() {
            try (Components components = config.components()) {
                if (!components.imports().cancel(id)) {
                    throw new IllegalArgumentException("no unfinished import with id " + id);
                }
                spec.commandLine().getOut().println("Cancelled import " + id);
                spec.commandLine().getOut().flush();
            }
        }
    }
}
