package dev.filehost.cli;

import dev.filehost.app.Components;
import java.io.PrintWriter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that opens the configured site's components, does its one job with them and prints what it did. */
abstract class ComponentsCommand implements Runnable {
    @Mixin
    ConfigOption config;
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        try (Components components = config.components()) {
            PrintWriter out = spec.commandLine().getOut();
            run(components, out);
            out.flush();
        }
    }

    abstract void run(Components components, PrintWriter out);
}
