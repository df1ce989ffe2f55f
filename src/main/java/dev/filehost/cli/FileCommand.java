package dev.filehost.cli;

import dev.filehost.admin.FileSearch;
import dev.filehost.admin.SizeText;
import dev.filehost.app.Components;
import dev.filehost.file.StoredFile;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "file", mixinStandardHelpOptions = true, description = "Find files of any account.",
        subcommands = FileCommand.Search.class)
public final class FileCommand extends GroupCommand {

    @Command(name = "search", mixinStandardHelpOptions = true,
            description = "Find files by one of name, owner, MD5, SHA-256 or short URL (or every file), "
                    + "narrowed by size, type and upload date; newest first unless sorted otherwise.")
    static final class Search extends ComponentsCommand {
        private static final Table<StoredFile> TABLE = new Table<>("%-8s %-10s %-8s %-8s %-12s %-24s %-16s %s%n",
                List.of("ID", "SHORT", "OWNER", "STATUS", "SIZE", "UPLOADED", "FROM", "NAME"),
                file -> new Object[] {file.id(), file.shortUrl(), file.userId(), file.status().value(), file.size(),
                        Instant.ofEpochMilli(file.createdAt()), file.uploadedIp(), file.name()});

        @ArgGroup(multiplicity = "0..1")
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

        @Option(names = "--min-size", paramLabel = "SIZE", description = "At least this size: 2048, 500K, 1.5GB.")
        String minSize;
        @Option(names = "--max-size", paramLabel = "SIZE", description = "At most this size.")
        String maxSize;
        @Option(names = "--type", description = "A MIME type (image/png), a family (image/) or an extension (png).")
        String type;
        @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "Uploaded on or after this day.")
        LocalDate from;
        @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Uploaded on or before this day.")
        LocalDate to;
        @Option(names = "--sort", paramLabel = "name|size|date|downloads", defaultValue = "date",
                description = "Order of the list (default: ${DEFAULT-VALUE}).")
        String sort;
        @Option(names = "--ascending", description = "Smallest, oldest or A first.")
        boolean ascending;
        @Option(names = "--page", defaultValue = "1", description = "Page of " + FileSearch.PER_PAGE + " files.")
        int page;

        @Override
        void run(Components components, PrintWriter out) {
            FileSearch.Found found = components.fileSearch().find(new FileSearch.Query(by(), text(),
                    minSize == null ? null : SizeText.parse(minSize), maxSize == null ? null : SizeText.parse(maxSize),
                    type, from, to, FileSearch.order(sort), !ascending, page));
            TABLE.print(out, found.files());
            if (found.hasMore()) {
                out.println("More on --page " + (found.page() + 1));
            }
        }

        private FileSearch.By by() {
            if (criterion == null || criterion.name != null) {
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
            if (criterion == null) {
                return "";
            }
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
