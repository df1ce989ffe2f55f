package dev.filehost.db;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Reading nullable columns the same way on SQLite and PostgreSQL. */
public final class Rows {
    private Rows() {
    }

    public static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
