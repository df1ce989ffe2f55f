package dev.filehost;

import dev.filehost.config.SettingsException;
import java.io.IOException;
import picocli.CommandLine;

/** Operator mistakes, bad settings and failed I/O end the command with one line, not a stack trace. */
final class CliErrors implements CommandLine.IExecutionExceptionHandler {
    static final int FAILED = 1;
    static final int USAGE = 2;

    @Override
    public int handleExecutionException(Exception e, CommandLine command, CommandLine.ParseResult parseResult)
            throws Exception {
        if (e instanceof SettingsException || e instanceof IllegalArgumentException) {
            command.getErr().println("filehost: " + e.getMessage());
            return USAGE;
        }
        if (e instanceof IOException) {
            command.getErr().println("filehost: " + e.getMessage());
            return FAILED;
        }
        throw e;
    }
}
