package dev.filehost.cli;

import dev.filehost.admin.Actor;
import dev.filehost.app.Components;
import dev.filehost.site.SiteSettings;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "site", mixinStandardHelpOptions = true,
        description = "Show and change the site settings every node applies without a restart.",
        subcommands = {SiteCommand.Show.class, SiteCommand.Set.class})
public final class SiteCommand extends GroupCommand {

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Show the site settings and where each comes from.")
    static final class Show extends ComponentsCommand {
        @Override
        void run(Components components, PrintWriter out) {
            for (SiteSettings.Shown shown : components.siteAdmin().show()) {
                out.printf("%-20s %-10s %s%n", shown.key(), shown.setInDatabase() ? "database" : "default", shown.value());
            }
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Set site-name, uploads (on|off), registration (open|closed), maintenance (on|off) "
                    + "or maintenance-message.")
    static final class Set extends ComponentsCommand {
        @Parameters(index = "0", paramLabel = "KEY")
        String key;
        @Parameters(index = "1", paramLabel = "VALUE")
        String value;

        @Override
        void run(Components components, PrintWriter out) {
            SiteSettings.Change change = components.siteAdmin().set(Actor.cli(), key, value);
            out.println(change.key() + ": " + change.before() + " -> " + change.after());
        }
    }
}
