package dev.filehost.cli;

import dev.filehost.admin.AdminBootstrap;
import dev.filehost.app.Application;
import dev.filehost.config.Settings;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the server until stopped.")
public final class ServeCommand implements Runnable {
    @Mixin
    ConfigOption config;
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        Settings settings = config.settings();
        Application app = Application.start(settings, Clock.systemUTC());
        PrintWriter out = spec.commandLine().getOut();
        app.createdAdmin().ifPresent(admin -> printAdmin(out, admin, settings));
        out.printf("filehost is listening on http://%s:%d (public URL %s, database %s)%n",
                settings.bind(), app.port(), settings.publicUrl(), settings.dbUrl());
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void printAdmin(PrintWriter out, AdminBootstrap.AdminCredentials admin, Settings settings) {
        out.println();
        out.println("First start: created the administrator account. These secrets are shown only once.");
        out.println("  account_id: " + admin.accountId());
        out.println("  username:   " + admin.username());
        out.println("  password:   " + admin.password());
        out.println("  key1:       " + admin.keys().key1());
        out.println("  key2:       " + admin.keys().key2());
        out.println("Try it:");
        out.printf("  curl -s '%s/api/v2/authorize' -d key1=%s -d key2=%s%n",
                settings.publicUrl(), admin.keys().key1(), admin.keys().key2());
        out.println();
    }
}
