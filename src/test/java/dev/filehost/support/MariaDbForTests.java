package dev.filehost.support;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The MariaDB server the migration tests read an old site from: the local one on 127.0.0.1:3306
 * (user root, no password), started when it is down. Each test gets its own database, dropped after.
 */
public final class MariaDbForTests {
    private static final String HOST = "127.0.0.1:3306";
    private static final String USER = "root";
    private static final String DAEMON = "/usr/sbin/mariadbd";

    /** Set once the server could not be reached or started: later tests fail at once with the same line. */
    private static Unavailable unavailable;

    private MariaDbForTests() {
    }

    /** Thrown without a stack trace: the one line says what the tests need. */
    public static final class Unavailable extends RuntimeException {
        Unavailable(String message) {
            super(message, null, false, false);
        }
    }

    public static String user() {
        return USER;
    }

    public static String url(String database) {
        return "jdbc:mariadb://" + HOST + "/" + database;
    }

    /** A new, empty database on the server. */
    public static String createDatabase() {
        ensureRunning();
        String name = "yetishare_test_" + UUID.randomUUID().toString().replace("-", "");
        admin("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        return name;
    }

    public static void dropDatabase(String name) {
        admin("DROP DATABASE IF EXISTS " + name);
    }

    private static synchronized void ensureRunning() {
        if (unavailable != null) {
            throw unavailable;
        }
        if (reachable() == null) {
            return;
        }
        unavailable = start();
        if (unavailable != null) {
            throw unavailable;
        }
    }

    /** Null when the server answers after the start, else why it does not. */
    private static Unavailable start() {
        try {
            new ProcessBuilder("start-stop-daemon", "--start", "--oknodo", "--background", "--exec", DAEMON)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true).start().waitFor();
        } catch (IOException e) {
            return new Unavailable(need("could not start " + DAEMON + ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Unavailable(need("interrupted while starting it"));
        }
        String problem = null;
        for (int attempt = 0; attempt < 30; attempt++) {
            problem = reachable();
            if (problem == null) {
                return null;
            }
            sleepASecond();
        }
        return new Unavailable(need(problem));
    }

    private static String need(String problem) {
        return "The YetiShare migration tests need MariaDB on " + HOST + " (user " + USER + ", no password), "
                + "started with `start-stop-daemon --start --oknodo --background --exec " + DAEMON + "`: " + problem;
    }

    /** Null when the server answers, else why not. */
    private static String reachable() {
        try (Connection ignored = DriverManager.getConnection("jdbc:mariadb://" + HOST + "/", USER, "")) {
            return null;
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    private static void admin(String sql) {
        try (Connection connection = DriverManager.getConnection("jdbc:mariadb://" + HOST + "/", USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new Unavailable(need(e.getMessage()));
        }
    }

    private static void sleepASecond() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
