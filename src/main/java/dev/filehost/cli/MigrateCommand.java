package dev.filehost.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.filehost.app.Components;
import dev.filehost.migrate.MigrationReport;
import dev.filehost.migrate.YetiShareMigration;
import dev.filehost.progress.Progress;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "migrate", mixinStandardHelpOptions = true, description = "Bring an existing site into filehost.",
        subcommands = {MigrateCommand.YetiShare.class})
public final class MigrateCommand extends GroupCommand {

    @Command(name = "yetishare", mixinStandardHelpOptions = true,
            description = "Import a YetiShare 5 / uCloud 2 site: packages, users and their passwords, API keys, "
                    + "folders, files and their short URLs. Safe to run again: it resumes and skips what is there.")
    static final class YetiShare implements java.util.concurrent.Callable<Integer> {
        @Mixin
        ConfigOption config;
        @Spec
        CommandSpec spec;
        @Option(names = "--db-url", required = true, paramLabel = "JDBC_URL",
                description = "The old site's database, e.g. jdbc:mariadb://localhost:3306/yetishare")
        String dbUrl;
        @Option(names = "--db-user", defaultValue = "", description = "Its user.")
        String dbUser;
        @Option(names = "--db-password", defaultValue = "", description = "Its password.")
        String dbPassword;
        @Option(names = "--files", required = true, paramLabel = "DIR",
                description = "The directory the old site's local file server stores files in.")
        Path files;
        @Option(names = "--dry-run", description = "Read everything and check every file's bytes; write nothing.")
        boolean dryRun;
        @Option(names = "--merge", description = "Import into a filehost database that already has accounts or "
                + "files (refused if any id collides).")
        boolean merge;
        @Option(names = "--json", description = "Print the report as JSON.")
        boolean json;

        @Override
        public Integer call() throws SQLException, IOException {
            PrintWriter out = spec.commandLine().getOut();
            try (Components components = config.components()) {
                Progress progress = json ? Progress.silent()
                        : Progress.to(out, System.console() != null, components.clock());
                MigrationReport report = new YetiShareMigration(components.database(), components.blobs(),
                        components.clock()).run(new YetiShareMigration.Options(dbUrl, dbUser, dbPassword, files,
                        dryRun, merge), progress);
                if (json) {
                    out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(report.asJson()));
                    out.flush();
                } else {
                    report.print(out);
                }
                return 0;
            }
        }
    }
}
