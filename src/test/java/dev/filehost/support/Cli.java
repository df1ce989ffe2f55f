package dev.filehost.support;

import dev.filehost.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import picocli.CommandLine;

/** The filehost command line run in-process, as an operator types it, with what it printed. */
public final class Cli {
    private Cli() {
    }

    public record Run(int exitCode, String out, String err) {
    }

    /** The command line of an operator whose config file names the data of a running test server. */
    public record Operator(Path config) {
        public Run run(String... args) {
            return Cli.run(Stream.concat(Stream.of(args), Stream.of("--config", config.toString()))
                    .toArray(String[]::new));
        }
    }

    /** Writes the config file for {@code server}'s data into {@code dir}. */
    public static Operator on(TestServer server, Path dir) throws IOException {
        Path config = dir.resolve("filehost.properties");
        Files.writeString(config, "filehost.data=" + server.settings().dataDir() + "\n"
                + "filehost.db-url=" + server.settings().dbUrl() + "\n"
                + "filehost.db-user=" + server.settings().dbUser() + "\n");
        return new Operator(config);
    }

    public static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = Main.commandLine();
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        int code = command.execute(args);
        return new Run(code, out.toString(), err.toString());
    }
}
