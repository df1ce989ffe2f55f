package dev.filehost.cli;

import picocli.CommandLine.Parameters;

/** A command acting on one row, named by its numeric ID. */
abstract class IdCommand extends ComponentsCommand {
    @Parameters(paramLabel = "ID")
    long id;
}
