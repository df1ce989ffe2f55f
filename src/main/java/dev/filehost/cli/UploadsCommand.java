package dev.filehost.cli;

import dev.filehost.app.Components;
import dev.filehost.tus.ResumableUploads;
import dev.filehost.tus.TusUpload;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "uploads", mixinStandardHelpOptions = true,
        description = "Watch and cancel resumable (tus) uploads in progress.",
        subcommands = {UploadsCommand.ListUploads.class, UploadsCommand.Cancel.class})
public final class UploadsCommand extends GroupCommand {

    private static ResumableUploads resumable(Components components) {
        return components.resumableUploads().orElseThrow(() ->
                new IllegalArgumentException("the blob store of these settings does not take resumable uploads"));
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the unfinished uploads, oldest first.")
    static final class ListUploads extends ComponentsCommand {
        private static final Table<TusUpload> TABLE = new Table<>("%-32s %-8s %14s %14s  %-24s %s%n",
                List.of("ID", "USER", "RECEIVED", "LENGTH", "EXPIRES", "NAME"),
                upload -> new Object[] {upload.id(), upload.userId(), upload.offset(),
                        upload.lengthKnown() ? upload.length().toString() : "deferred",
                        Instant.ofEpochMilli(upload.expiresAt()), upload.fileName()});

        @Override
        void run(Components components, PrintWriter out) {
            TABLE.print(out, resumable(components).inProgress());
        }
    }

    @Command(name = "cancel", mixinStandardHelpOptions = true,
            description = "Cancel an unfinished upload and remove its bytes; its client gets 404 from then on.")
    static final class Cancel extends ComponentsCommand {
        @Parameters(paramLabel = "ID")
        String id;

        @Override
        void run(Components components, PrintWriter out) {
            if (!resumable(components).cancel(id)) {
                throw new IllegalArgumentException("no unfinished upload with id " + id);
            }
            out.println("Cancelled upload " + id);
        }
    }
}
