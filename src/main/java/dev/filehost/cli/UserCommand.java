package dev.filehost.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.filehost.account.User;
import dev.filehost.admin.Actor;
import dev.filehost.app.Components;
import dev.filehost.auth.ApiKeys;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "user", mixinStandardHelpOptions = true, description = "Manage accounts.",
        subcommands = {UserCommand.Add.class, UserCommand.Keys.class, UserCommand.ListUsers.class,
                UserCommand.Set.class, UserCommand.EndTokens.class})
public final class UserCommand extends GroupCommand {

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Create an account.")
    static final class Add implements Runnable {
        @Mixin
        ConfigOption config;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "USERNAME")
        String username;
        @Option(names = "--password", required = true, description = "The account's password.")
        String password;
        @Option(names = "--email")
        String email;
        @Option(names = "--package", paramLabel = "ID|LABEL", defaultValue = "1",
                description = "Package id or label (default: ${DEFAULT-VALUE}, Free Account).")
        String packageRef;
        @Option(names = "--api-keys", description = "Also create an API key pair.")
        boolean apiKeys;
        @Option(names = "--json", description = "Print the result as JSON.")
        boolean json;

        @Override
        public void run() {
            try (Components components = config.components()) {
                User user = components.userAdmin().add(Actor.cli(), username, password, email, packageRef);
                Map<String, String> result = new LinkedHashMap<>();
                result.put("account_id", Long.toString(user.id()));
                result.put("username", user.username());
                if (apiKeys) {
                    ApiKeys.KeyPair keys = components.userAdmin().newKeys(Actor.cli(), user.username());
                    result.put("key1", keys.key1());
                    result.put("key2", keys.key2());
                }
                print(spec, result, json);
            }
        }
    }

    @Command(name = "keys", mixinStandardHelpOptions = true,
            description = "Create a new API key pair for an account, replacing its old one.")
    static final class Keys implements Runnable {
        @Mixin
        ConfigOption config;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "USERNAME")
        String username;
        @Option(names = "--json", description = "Print the result as JSON.")
        boolean json;

        @Override
        public void run() {
            try (Components components = config.components()) {
                User user = components.userAdmin().find(username);
                ApiKeys.KeyPair keys = components.userAdmin().newKeys(Actor.cli(), username);
                Map<String, String> result = new LinkedHashMap<>();
                result.put("account_id", Long.toString(user.id()));
                result.put("username", user.username());
                result.put("key1", keys.key1());
                result.put("key2", keys.key2());
                print(spec, result, json);
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List accounts.")
    static final class ListUsers implements Runnable {
        @Mixin
        ConfigOption config;
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            try (Components components = config.components()) {
                List<User> users = components.userAdmin().list();
                PrintWriter out = spec.commandLine().getOut();
                out.printf("%-8s %-24s %-10s %-8s %s%n", "ID", "USERNAME", "STATUS", "PACKAGE", "EMAIL");
                for (User user : users) {
                    out.printf("%-8d %-24s %-10s %-8d %s%n", user.id(), user.username(), user.status().value(),
                            user.packageId(), user.email() == null ? "" : user.email());
                }
                out.flush();
            }
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Change fields of an account: status, package, email, storageLimitOverride, password.")
    static final class Set implements Runnable {
        @Mixin
        ConfigOption config;
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "USERNAME")
        String username;
        @Parameters(index = "1..*", arity = "1..*", paramLabel = "FIELD=VALUE")
        Map<String, String> fields;

        @Override
        public void run() {
            try (Components components = config.components()) {
                fields.forEach((field, value) -> components.userAdmin().set(Actor.cli(), username, field, value));
                spec.commandLine().getOut().println("Updated " + username + ": " + String.join(", ", fields.keySet()));
                spec.commandLine().getOut().flush();
            }
        }
    }

    @Command(name = "end-tokens", mixinStandardHelpOptions = true,
            description = "End every access token of an account: its API clients must sign in again.")
    static final class EndTokens implements Runnable {
        @Mixin
        ConfigOption config;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "USERNAME")
        String username;

        @Override
        public void run() {
            try (Components components = config.components()) {
                components.userAdmin().endTokens(Actor.cli(), username);
                spec.commandLine().getOut().println("Ended the access tokens of " + username);
                spec.commandLine().getOut().flush();
            }
        }
    }

    private static void print(CommandSpec spec, Map<String, String> result, boolean json) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            try {
                out.println(new ObjectMapper().writeValueAsString(result));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        } else {
            result.forEach((key, value) -> out.printf("%-11s %s%n", key + ":", value));
        }
        out.flush();
    }
}
