package dev.filehost.support;

import dev.filehost.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** The filehost command line run in-process, as an operator types it, with what it printed. */
public final class Cli {
    private Cli() {
    }

    public record Run(int exitCode, String out, String err) {
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
