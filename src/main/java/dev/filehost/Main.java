package dev.filehost;

import dev.filehost.cli.BackupCommand;
import dev.filehost.cli.CheckCommand;
import dev.filehost.cli.ImportCommand;
import dev.filehost.cli.MigrateCommand;
import dev.filehost.cli.RestoreCommand;
import dev.filehost.cli.PackageCommand;
import dev.filehost.cli.ServeCommand;
import dev.filehost.cli.UploadsCommand;
import dev.filehost.cli.UserCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The filehost command line: the server and the operator's tools. */
@Command(name = "filehost", mixinStandardHelpOptions = true, version = "filehost 0.1.0",
        description = "Self-hosted file hosting server (File Upload API v2).",
        subcommands = {ServeCommand.class, UserCommand.class, PackageCommand.class, ImportCommand.class,
                BackupCommand.class, RestoreCommand.class, CheckCommand.class, MigrateCommand.class, UploadsCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        VirtualThreadCarriers.configure();
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        return new CommandLine(new Main()).setExecutionExceptionHandler(new CliErrors());
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
