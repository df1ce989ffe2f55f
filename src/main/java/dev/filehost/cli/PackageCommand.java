package dev.filehost.cli;

import dev.filehost.account.AccountPackage;
import dev.filehost.account.PackageField;
import dev.filehost.admin.Actor;
import dev.filehost.app.Components;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "package", mixinStandardHelpOptions = true, description = "Manage packages (account levels).",
        subcommands = {PackageCommand.ListPackages.class, PackageCommand.Set.class, PackageCommand.Add.class,
                PackageCommand.Remove.class})
public final class PackageCommand extends GroupCommand {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List packages and their limits.")
    static final class ListPackages extends ComponentsCommand {
        @Override
        void run(Components components, PrintWriter out) {
            for (AccountPackage pkg : components.packageAdmin().list()) {
                printPackage(out, pkg);
                out.println();
            }
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Change limits of a package by the field names of /account/package (0 = unlimited).")
    static final class Set extends ComponentsCommand {
        @Parameters(index = "0", paramLabel = "ID|LABEL")
        String packageRef;
        @Parameters(index = "1..*", arity = "1..*", paramLabel = "FIELD=VALUE")
        Map<String, String> fields;

        @Override
        void run(Components components, PrintWriter out) {
            AccountPackage updated = null;
            for (var field : fields.entrySet()) {
                updated = components.packageAdmin().set(Actor.cli(), packageRef, field.getKey(), field.getValue());
            }
            printPackage(out, updated);
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Create a package; its limits start at 0 (unlimited) until set.")
    static final class Add extends ComponentsCommand {
        @Parameters(index = "0", paramLabel = "LABEL")
        String label;
        @Option(names = "--level", defaultValue = "paid user",
                description = "Its level type: guest, free user, paid user or admin (default: ${DEFAULT-VALUE}).")
        String level;

        @Override
        void run(Components components, PrintWriter out) {
            printPackage(out, components.packageAdmin().create(Actor.cli(), label, level));
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a package no account is on.")
    static final class Remove extends ComponentsCommand {
        @Parameters(index = "0", paramLabel = "ID|LABEL")
        String packageRef;

        @Override
        void run(Components components, PrintWriter out) {
            components.packageAdmin().remove(Actor.cli(), packageRef);
            out.println("Removed package " + packageRef);
        }
    }

    private static void printPackage(PrintWriter out, AccountPackage pkg) {
        for (PackageField field : PackageField.values()) {
            out.printf("%-30s %s%n", field.column(), field.apiValue(pkg));
        }
    }
}
