package dev.filehost.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.filehost.account.User;
import dev.filehost.admin.Actor;
import dev.filehost.app.Components;
import dev.filehost.auth.ApiKeys;
import dev.filehost.auth.SignIn;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "user", mixinStandardHelpOptions = true, description = "Manage accounts.",
        subcommands = {UserCommand.Add.class, UserCommand.Keys.class, UserCommand.ListUsers.class,
                UserCommand.Set.class, UserCommand.EndTokens.class, UserCommand.SignIns.class,
                UserCommand.Delete.class})
public final class UserCommand extends GroupCommand {

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Create an account.")
    static final class Add extends ComponentsCommand {
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
        void run(Components components, PrintWriter out) {
            User user = components.userAdmin().add(Actor.cli(), username, password, email, packageRef);
            Map<String, String> result = new LinkedHashMap<>();
            result.put("account_id", Long.toString(user.id()));
            result.put("username", user.username());
            if (apiKeys) {
                ApiKeys.KeyPair keys = components.userAdmin().newKeys(Actor.cli(), user.username());
                result.put("key1", keys.key1());
                result.put("key2", keys.key2());
            }
            print(out, result, json);
        }
    }

    @Command(name = "keys", mixinStandardHelpOptions = true,
            description = "Create a new API key pair for an account, replacing its old one.")
    static final class Keys extends ComponentsCommand {
        @Parameters(paramLabel = "USERNAME")
        String username;
        @Option(names = "--json", description = "Print the result as JSON.")
        boolean json;

        @Override
        void run(Components components, PrintWriter out) {
            User user = components.userAdmin().find(username);
            ApiKeys.KeyPair keys = components.userAdmin().newKeys(Actor.cli(), username);
            Map<String, String> result = new LinkedHashMap<>();
            result.put("account_id", Long.toString(user.id()));
            result.put("username", user.username());
            result.put("key1", keys.key1());
            result.put("key2", keys.key2());
            print(out, result, json);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List accounts.")
    static final class ListUsers extends ComponentsCommand {
        private static final Table<User> TABLE = new Table<>("%-8s %-24s %-10s %-8s %s%n",
                List.of("ID", "USERNAME", "STATUS", "PACKAGE", "EMAIL"),
                user -> new Object[] {user.id(), user.username(), user.status().value(), user.packageId(),
                        user.email() == null ? "" : user.email()});

        @Override
        void run(Components components, PrintWriter out) {
            TABLE.print(out, components.userAdmin().list());
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Change fields of an account: status, package, email, storageLimitOverride, password.")
    static final class Set extends ComponentsCommand {
        @Parameters(index = "0", paramLabel = "USERNAME")
        String username;
        @Parameters(index = "1..*", arity = "1..*", paramLabel = "FIELD=VALUE")
        Map<String, String> fields;

        @Override
        void run(Components components, PrintWriter out) {
            fields.forEach((field, value) -> components.userAdmin().set(Actor.cli(), username, field, value));
            out.println("Updated " + username + ": " + String.join(", ", fields.keySet()));
        }
    }

    @Command(name = "end-tokens", mixinStandardHelpOptions = true,
            description = "End every access token and website session of an account: its clients must sign in again.")
    static final class EndTokens extends ComponentsCommand {
        @Parameters(paramLabel = "USERNAME")
        String username;

        @Override
        void run(Components components, PrintWriter out) {
            components.userAdmin().endTokens(Actor.cli(), username);
            out.println("Ended the access tokens and website sessions of " + username);
        }
    }

    @Command(name = "signins", mixinStandardHelpOptions = true,
            description = "List an account's latest sign-ins (API and website, admitted or refused), newest first.")
    static final class SignIns extends ComponentsCommand {
        private static final Table<SignIn> TABLE = new Table<>("%-24s %-40s %-4s %s%n",
                List.of("WHEN", "ADDRESS", "VIA", "RESULT"),
                signIn -> new Object[] {Instant.ofEpochMilli(signIn.at()), signIn.ip(), signIn.channel().value(),
                        signIn.success() ? "ok" : "refused"});

        @Parameters(paramLabel = "USERNAME")
        String username;

        @Override
        void run(Components components, PrintWriter out) {
            TABLE.print(out, components.userAdmin().signIns(username));
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Delete an account: it can no longer sign in, and its folders and files go to the trash, "
                    + "from which the trash purge removes them.")
    static final class Delete extends ComponentsCommand {
        @Parameters(paramLabel = "USERNAME")
        String username;

        @Override
        void run(Components components, PrintWriter out) {
            components.userAdmin().delete(Actor.cli(), username);
            out.println("Deleted " + username + "; its files are in the trash until the purge");
        }
    }

    private static void print(PrintWriter out, Map<String, String> result, boolean json) {
        if (json) {
            try {
                out.println(new ObjectMapper().writeValueAsString(result));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        } else {
            result.forEach((key, value) -> out.printf("%-11s %s%n", key + ":", value));
        }
    }
}
