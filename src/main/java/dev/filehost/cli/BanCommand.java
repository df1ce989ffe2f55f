package dev.filehost.cli;

import dev.filehost.admin.Actor;
import dev.filehost.app.Components;
import dev.filehost.ban.Ban;
import dev.filehost.ban.BanScope;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "ban", mixinStandardHelpOptions = true,
        description = "Ban addresses from uploading, downloading or the whole site.",
        subcommands = {BanCommand.Add.class, BanCommand.ListBans.class, BanCommand.Remove.class})
public final class BanCommand extends GroupCommand {

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Ban an address or CIDR range.")
    static final class Add implements Runnable {
        @Mixin
        ConfigOption config;
        @Spec
        CommandSpec spec;
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

        @Override
        public void run() {
            BanScope banScope = BanScope.parse(scope).orElseThrow(() ->
                    new IllegalArgumentException("scope must be upload, download or site"));
            try (Components components = config.components()) {
                Ban ban = components.banAdmin().add(Actor.cli(), range, banScope, expiresIn, note);
                spec.commandLine().getOut().println("Ban " + ban.id() + ": " + ban.range() + " from "
                        + ban.scope().value() + ", " + until(ban));
                spec.commandLine().getOut().flush();
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List bans, expired ones too.")
    static final class ListBans implements Runnable {
        @Mixin
        ConfigOption config;
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            try (Components components = config.components()) {
                PrintWriter out = spec.commandLine().getOut();
                long now = components.clock().millis();
                out.printf("%-6s %-42s %-9s %-8s %-28s %s%n", "ID", "RANGE", "SCOPE", "ACTIVE", "UNTIL", "NOTE");
                for (Ban ban : components.banAdmin().list()) {
                    out.printf("%-6d %-42s %-9s %-8s %-28s %s%n", ban.id(), ban.range(), ban.scope().value(),
                            ban.isActive(now) ? "yes" : "expired", until(ban), ban.note() == null ? "" : ban.note());
                }
                out.flush();
            }
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Lift a ban.")
    static final class Remove implements Runnable {
        @Mixin
        ConfigOption config;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "ID")
        long id;

        @Override
        public void run() {
            try (Components components = config.components()) {
                components.banAdmin().remove(Actor.cli(), id);
                spec.commandLine().getOut().println("Removed ban " + id);
                spec.commandLine().getOut().flush();
            }
        }
    }

    private static String until(Ban ban) {
        return ban.expiresAt() == null ? "until removed" : Instant.ofEpochMilli(ban.expiresAt()).toString();
    }
}
