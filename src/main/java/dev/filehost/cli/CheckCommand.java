package dev.filehost.cli;

import dev.filehost.app.Components;
import dev.filehost.backup.CheckReport;
import dev.filehost.backup.StoreCheck;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Compare the database with the store: missing blobs, blobs of another size or hash,",
                "and stored blobs no row knows (orphans). Exits with 1 when it finds anything."})
public final class CheckCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;
    @Spec
    CommandSpec spec;
    @Option(names = "--repair", description = "Move orphans out of the store into <data>/orphans (local storage).")
    boolean repair;
    @Option(names = "--sizes-only", description = "Compare sizes only; do not read every blob to compare its hashes.")
    boolean sizesOnly;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        try (Components components = config.components()) {
            Optional<Path> aside = repair ? Optional.of(config.settings().dataDir().resolve("orphans")) : Optional.empty();
            CheckReport report = new StoreCheck(components.database(), components.blobs(), Clock.systemUTC())
                    .run(!sizesOnly, aside);
            out.printf("Checked %d blobs: %d missing, %d damaged, %d orphans%s.%n", report.blobs(),
                    report.missing().size(), report.damaged().size(), report.orphans().size(),
                    repair ? " (" + report.movedAside() + " moved to " + aside.get() + ")" : "");
            for (List<String> findings : List.of(report.missing(), report.damaged())) {
                findings.forEach(finding -> out.println("  " + finding));
            }
            report.orphans().forEach(sha -> out.println("  orphan " + sha));
            out.flush();
            boolean orphansHandled = repair && report.movedAside() == report.orphans().size();
            boolean sound = report.missing().isEmpty() && report.damaged().isEmpty();
            return sound && (report.orphans().isEmpty() || orphansHandled) ? 0 : 1;
        }
    }
}
