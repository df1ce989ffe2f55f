package dev.filehost.support;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A database for one test server: a file under the test's directory for SQLite, or a fresh
 * database on the tests' PostgreSQL server ({@link PostgresForTests}, user postgres) that is dropped after.
 */
public final class TestDatabase implements AutoCloseable {
    private static final String PG_USER = "postgres";

    private final String url;
    private final String postgresName;

    private TestDatabase(String url, String postgresName) {
        this.url = url;
        this.postgresName = postgresName;
    }

    public static TestDatabase create(String kind, Path dataDir) {
        return switch (kind) {
            case "sqlite" -> new TestDatabase("jdbc:sqlite:" + dataDir.resolve("filehost.db"), null);
            case "postgresql" -> {
                String name = "filehost_test_" + UUID.randomUUID().toString().replace("-", "");
                admin("CREATE DATABASE " + name);
                yield new TestDatabase("jdbc:postgresql://" + PostgresForTests.hostAndPort() + "/" + name, name);
            }
            default -> throw new IllegalArgumentException(kind);
        };
    }

    public String url() {
        return url;
    }

    public String user() {
        return postgresName == null ? "" : PG_USER;
    }

    private static void admin(String sql) {
        String host = PostgresForTests.hostAndPort();
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://" + host + "/postgres", PG_USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + host + " is needed by the tests: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (postgresName != null) {
            admin("DROP DATABASE IF EXISTS " + postgresName + " WITH (FORCE)");
        }
    }
}
