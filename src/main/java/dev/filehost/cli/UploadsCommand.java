package dev.filehost.cli;

import dev.filehost.app.Components;
import dev.filehost.tus.ResumableUploads;
import dev.filehost.tus.TusUpload;
import java.io.PrintWriter;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "uploads", mixinStandardHelpOptions = true,
        description = "Watch and cancel resumable (tus) uploads in progress.",
        subcommands = {UploadsCommand.ListUploads.class, UploadsCommand.Cancel.class})
public final class UploadsCommand extends GroupCommand {

    private static ResumableUploads resumable(Components components) {
        return components.resumableUploads().orElseThrow(() ->
                new IllegalArgumentException("the blob store of these settings does not take resumable uploads"));
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the unfinished uploads, oldest first.")
    static final class ListUploads implements Runnable {
        @Mixin
        ConfigOption config;
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            try (Components components = config.components()) {
                PrintWriter out = spec.commandLine().getOut();
                out.printf("%-32s %-8s %14s %14s  %-24s %s%n", "ID", "USER", "RECEIVED", "LENGTH", "EXPIRES", "NAME");
                for (TusUpload upload : resumable(components).inProgress()) {
                    out.printf("%-32s %-8d %14d %14s  %-24s %s%n", upload.id(), upload.userId(), upload.offset(),
                            upload.lengthKnown() ? upload.length().toString() : "deferred",
                            Instant.ofEpochMilli(upload.expiresAt()), upload.fileName());
                }
                out.flush();
            }
        }
    }

    @Command(name = "cancel", mixinStandardHelpOptions = true,
            description = "Cancel an unfinished upload and remove its bytes; its client gets 404 from then on.")
    static final class Cancel implements Runnable {
        @Mixin
        ConfigOption config;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "ID")
        String id;

        @Override
        public void run() {
            try (Components components = config.components()) {
                if (!resumable(components).cancel(id)) {
                    throw new IllegalArgumentException("no unfinished upload with id " + id);
                }
                spec.commandLine().getOut().println("Cancelled upload " + id);
                spec.commandLine().getOut().flush();
            }
        }
    }
}
