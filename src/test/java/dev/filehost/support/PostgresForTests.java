package dev.filehost.support;

import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The PostgreSQL server the tests use: the one named by FILEHOST_TEST_PG, else the local one on
 * 127.0.0.1:5432 when it answers, else an embedded one started for this run.
 */
final class PostgresForTests {
    private static final String LOCAL = "127.0.0.1:5432";

    private PostgresForTests() {
    }

    /** host:port of the server, decided once per test run. */
    static String hostAndPort() {
        return Chosen.HOST_AND_PORT;
    }

    private static final class Chosen {
        static final String HOST_AND_PORT = choose();

        private static String choose() {
            String named = System.getenv("FILEHOST_TEST_PG");
            if (named != null) {
                System.out.println("PostgreSQL tests use the server at " + named + " (FILEHOST_TEST_PG)");
                return named;
            }
            if (answers(LOCAL)) {
                System.out.println("PostgreSQL tests use the local server at " + LOCAL);
                return LOCAL;
            }
            String embedded = EmbeddedPostgres.start().hostAndPort();
            System.out.println("PostgreSQL tests use an embedded PostgreSQL at " + embedded
                    + " (none answered on " + LOCAL + ")");
            return embedded;
        }

        private static boolean answers(String hostAndPort) {
            DriverManager.setLoginTimeout(5);
            try (var ignored = DriverManager.getConnection("jdbc:postgresql://" + hostAndPort + "/postgres", "postgres", "")) {
                return true;
            } catch (SQLException e) {
                return false;
            }
        }
    }
}
