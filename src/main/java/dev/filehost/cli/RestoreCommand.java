package dev.filehost.cli;

import dev.filehost.app.Components;
import dev.filehost.backup.CopyReport;
import dev.filehost.backup.Restore;
import dev.filehost.config.Settings;
import dev.filehost.progress.Progress;
import dev.filehost.storage.BlobStore;
import dev.filehost.web.ByteSizes;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Bring a backup made by 'filehost backup' into an empty site (SQLite; local or S3 store).",
                "Refuses when the database or any stored file exists already. Stop the server first."})
public final class RestoreCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;
    @Spec
    CommandSpec spec;
    @Parameters(paramLabel = "DIR", description = "The backup directory.")
    Path dir;

    @Override
    public Integer call() throws IOException {
        Settings settings = config.settings();
        Path database = settings.sqliteFile().orElseThrow(() -> new IllegalArgumentException(
                "filehost restore brings back SQLite backups; with PostgreSQL use pg_restore (see docs/operations.md)"));
        PrintWriter out = spec.commandLine().getOut();
        BlobStore store = Components.openBlobStore(settings);
        try {
            CopyReport report = Restore.into(dir, database, store, Progress.to(out, System.console() != null, Clock.systemUTC()));
            out.printf("Restored the database and %d blobs (%s) from %s.%n", report.copied(),
                    ByteSizes.human(report.bytes()), dir);
            return CopyProblems.print(out, report);
        } finally {
            if (store instanceof AutoCloseable closeable) {
                closeQuietly(closeable);
            }
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // The restore's outcome is already decided; a failing close of the S3 client changes nothing.
        }
    }
}
