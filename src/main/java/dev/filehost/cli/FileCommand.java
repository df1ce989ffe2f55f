package dev.filehost.cli;

import dev.filehost.admin.FileSearch;
import dev.filehost.app.Components;
import dev.filehost.file.StoredFile;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "file", mixinStandardHelpOptions = true, description = "Find files of any account.",
        subcommands = FileCommand.Search.class)
public final class FileCommand extends GroupCommand {

    @Command(name = "search", mixinStandardHelpOptions = true,
            description = "Find files by one of name, owner, MD5, SHA-256 or short URL; newest first.")
    static final class Search extends ComponentsCommand {
        private static final Table<StoredFile> TABLE = new Table<>("%-8s %-10s %-8s %-8s %-12s %-24s %s%n",
                List.of("ID", "SHORT", "OWNER", "STATUS", "SIZE", "UPLOADED", "NAME"),
                file -> new Object[] {file.id(), file.shortUrl(), file.userId(), file.status().value(), file.size(),
                        Instant.ofEpochMilli(file.createdAt()), file.name()});

        @ArgGroup(multiplicity = "1")
        Criterion criterion;

        static final class Criterion {
            @Option(names = "--name", description = "Part of the file name, any case.")
            String name;
            @Option(names = "--owner", paramLabel = "USERNAME")
            String owner;
            @Option(names = "--md5")
            String md5;
            @Option(names = "--sha256")
            String sha256;
            @Option(names = "--short-url")
            String shortUrl;
        }

        @Override
        void run(Components components, PrintWriter out) {
            TABLE.print(out, components.fileSearch().find(by(), text()));
        }

        private FileSearch.By by() {
            if (criterion.name != null) {
                return FileSearch.By.NAME;
            }
            if (criterion.owner != null) {
                return FileSearch.By.OWNER;
            }
            if (criterion.md5 != null) {
                return FileSearch.By.MD5;
            }
            return criterion.sha256 != null ? FileSearch.By.SHA256 : FileSearch.By.SHORT_URL;
        }

        private String text() {
            return switch (by()) {
                case NAME -> criterion.name;
                case OWNER -> criterion.owner;
                case MD5 -> criterion.md5;
                case SHA256 -> criterion.sha256;
                case SHORT_URL -> criterion.shortUrl;
            };
        }
    }
}
