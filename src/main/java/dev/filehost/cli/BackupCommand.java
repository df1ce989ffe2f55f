package dev.filehost.cli;

import dev.filehost.app.Components;
import dev.filehost.backup.Backup;
import dev.filehost.backup.CopyReport;
import dev.filehost.progress.Progress;
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

@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Copy the database and the stored files into DIR while the server runs.",
                "Run it again with the same DIR to bring the backup up to date: only new files are copied."})
public final class BackupCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;
    @Spec
    CommandSpec spec;
    @Parameters(paramLabel = "DIR", description = "The backup directory (created when missing).")
    Path dir;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        try (Components components = config.components()) {
            CopyReport report = new Backup(components.database(), components.blobs())
                    .into(dir, Progress.to(out, System.console() != null, Clock.systemUTC()));
            out.printf("Backed up the database and %d blobs (%s) into %s; %d copied now, the others were there.%n",
                    report.blobs(), ByteSizes.human(report.bytes()), dir, report.copied());
            return CopyProblems.print(out, report);
        }
    }
}
