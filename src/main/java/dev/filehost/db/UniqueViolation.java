package dev.filehost.db;

import java.sql.SQLException;

/** Recognises a unique-constraint failure on SQLite and PostgreSQL alike. */
public final class UniqueViolation {
    private static final String POSTGRES_UNIQUE = "23505";
    private static final int SQLITE_CONSTRAINT_UNIQUE = 2067;

    private UniqueViolation() {
    }

    public static boolean causedBy(Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause()) {
            if (e instanceof SQLException sql && (POSTGRES_UNIQUE.equals(sql.getSQLState())
                    || sql.getErrorCode() == SQLITE_CONSTRAINT_UNIQUE
                    || String.valueOf(sql.getMessage()).contains("UNIQUE constraint failed"))) {
                return true;
            }
        }
        return false;
    }
}
