package dev.filehost.cli;

import dev.filehost.admin.Actor;
import dev.filehost.app.Components;
import dev.filehost.ban.Ban;
import dev.filehost.ban.BanScope;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "ban", mixinStandardHelpOptions = true,
        description = "Ban addresses from uploading, downloading or the whole site.",
        subcommands = {BanCommand.Add.class, BanCommand.ListBans.class, BanCommand.Remove.class})
public final class BanCommand extends GroupCommand {

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Ban an address or CIDR range.")
    static final class Add extends ComponentsCommand {
        @Parameters(paramLabel = "ADDRESS_OR_CIDR")
        String range;
        @Option(names = "--scope", required = true, paramLabel = "upload|download|site",
                description = "What the ban keeps the addresses from; site means everything.")
        String scope;
        @Option(names = "--expires-in", paramLabel = "TIME", converter = AgeConverter.class,
                description = "How long the ban lasts, e.g. 12h, 7d or 2w (default: until removed).")
        Duration expiresIn;
        @Option(names = "--note", description = "Why, for the other operators.")
        String note;
        private BanScope banScope;

        @Override
        public void run() {
            banScope = BanScope.parse(scope).orElseThrow(() ->
                    new IllegalArgumentException("scope must be upload, download or site"));
            super.run();
        }

        @Override
        void run(Components components, PrintWriter out) {
            Ban ban = components.banAdmin().add(Actor.cli(), range, banScope, expiresIn, note);
            out.println("Ban " + ban.id() + ": " + ban.range() + " from " + ban.scope().value() + ", " + until(ban));
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List bans, expired ones too.")
    static final class ListBans extends ComponentsCommand {
        @Override
        void run(Components components, PrintWriter out) {
            long now = components.clock().millis();
            new Table<Ban>("%-6s %-42s %-9s %-8s %-28s %s%n",
                    List.of("ID", "RANGE", "SCOPE", "ACTIVE", "UNTIL", "NOTE"),
                    ban -> new Object[] {ban.id(), ban.range(), ban.scope().value(),
                            ban.isActive(now) ? "yes" : "expired", until(ban), ban.note() == null ? "" : ban.note()})
                    .print(out, components.banAdmin().list());
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Lift a ban.")
    static final class Remove extends IdCommand {
        @Override
        void run(Components components, PrintWriter out) {
            components.banAdmin().remove(Actor.cli(), id);
            out.println("Removed ban " + id);
        }
    }

    private static String until(Ban ban) {
        return ban.expiresAt() == null ? "until removed" : Instant.ofEpochMilli(ban.expiresAt()).toString();
    }
}
