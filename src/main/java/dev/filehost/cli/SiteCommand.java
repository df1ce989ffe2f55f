package dev.filehost.cli;

import dev.filehost.admin.Actor;
import dev.filehost.app.Components;
import dev.filehost.site.SiteSettings;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "site", mixinStandardHelpOptions = true,
        description = "Show and change the site settings every node applies without a restart.",
        subcommands = {SiteCommand.Show.class, SiteCommand.Set.class})
public final class SiteCommand extends GroupCommand {

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Show the site settings and where each comes from.")
    static final class Show implements Runnable {
        @Mixin
        ConfigOption config;
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            try (Components components = config.components()) {
                PrintWriter out = spec.commandLine().getOut();
                for (SiteSettings.Shown shown : components.siteAdmin().show()) {
                    out.printf("%-20s %-10s %s%n", shown.key(), shown.setInDatabase() ? "database" : "default",
                            shown.value());
                }
                out.flush();
            }
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Set site-name, uploads (on|off), registration (open|closed), maintenance (on|off) "
                    + "or maintenance-message.")
    static final class Set implements Runnable {
        @Mixin
        ConfigOption config;
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "KEY")
        String key;
        @Parameters(index = "1", paramLabel = "VALUE")
        String value;

        @Override
        public void run() {
            try (Components components = config.components()) {
                SiteSettings.Change change = components.siteAdmin().set(Actor.cli(), key, value);
                spec.commandLine().getOut().println(change.key() + ": " + change.before() + " -> " + change.after());
                spec.commandLine().getOut().flush();
            }
        }
    }
}
