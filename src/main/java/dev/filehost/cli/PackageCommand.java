package dev.filehost.cli;

import dev.filehost.account.AccountPackage;
import dev.filehost.account.PackageField;
import dev.filehost.admin.Actor;
import dev.filehost.app.Components;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "package", mixinStandardHelpOptions = true, description = "Manage packages (account levels).",
        subcommands = {PackageCommand.ListPackages.class, PackageCommand.Set.class})
public final class PackageCommand extends GroupCommand {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List packages and their limits.")
    static final class ListPackages implements Runnable {
        @Mixin
        ConfigOption config;
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            try (Components components = config.components()) {
                PrintWriter out = spec.commandLine().getOut();
                for (AccountPackage pkg : components.packageAdmin().list()) {
                    printPackage(out, pkg);
                    out.println();
                }
                out.flush();
            }
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Change limits of a package by the field names of /account/package (0 = unlimited).")
    static final class Set implements Runnable {
        @Mixin
        ConfigOption config;
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "ID|LABEL")
        String packageRef;
        @Parameters(index = "1..*", arity = "1..*", paramLabel = "FIELD=VALUE")
        Map<String, String> fields;

        @Override
        public void run() {
            try (Components components = config.components()) {
                AccountPackage updated = null;
                for (var field : fields.entrySet()) {
                    updated = components.packageAdmin().set(Actor.cli(), packageRef, field.getKey(), field.getValue());
                }
                printPackage(spec.commandLine().getOut(), updated);
                spec.commandLine().getOut().flush();
            }
        }
    }

    private static void printPackage(PrintWriter out, AccountPackage pkg) {
        for (PackageField field : PackageField.values()) {
            out.printf("%-30s %s%n", field.column(), field.apiValue(pkg));
        }
    }
}
