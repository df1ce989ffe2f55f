package dev.filehost.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.WeakHashMap;
import org.jdbi.v3.core.statement.DefaultStatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilderFactory;
import org.jdbi.v3.core.statement.StatementContext;
import org.sqlite.SQLiteConnection;

/**
 * Keeps SQLite's prepared statements per connection and reuses them. The driver has no cache of
 * its own, and parsing the SQL again on every query cost more CPU than running it. The statements
 * are prepared on the pool's underlying connection, so they live as long as it does.
 */
final class SqliteStatementCache implements StatementBuilderFactory {
    /** Enough for every fixed query of the server; beyond it the least recently used is closed. */
    private static final int PER_CONNECTION = 256;

    private final Map<SQLiteConnection, Map<String, PreparedStatement>> idleByConnection =
            Collections.synchronizedMap(new WeakHashMap<>());

    @Override
    public StatementBuilder createStatementBuilder(Connection pooled) {
        try {
            SQLiteConnection connection = pooled.unwrap(SQLiteConnection.class);
            return new Builder(connection, idleByConnection.computeIfAbsent(connection, c -> newIdleMap()));
        } catch (SQLException e) {
            throw new IllegalStateException("the pool hands out SQLite connections", e);
        }
    }

    private static Map<String, PreparedStatement> newIdleMap() {
        return new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
                if (size() <= PER_CONNECTION) {
                    return false;
                }
                closeQuietly(eldest.getValue());
                return true;
            }
        };
    }

    private static void closeQuietly(Statement statement) {
        try {
            statement.close();
        } catch (SQLException ignored) {
            // Closing only frees the driver's handle; a failure leaves nothing to undo.
        }
    }

    /**
     * One handle's builder. A connection serves one handle at a time, so its idle map needs no
     * lock; a statement in use is taken out of the map, so nested uses of the same SQL each get
     * their own.
     */
    private static final class Builder extends DefaultStatementBuilder {
        private final SQLiteConnection connection;
        private final Map<String, PreparedStatement> idle;
        /** Statements of the cache in use, with the SQL they were prepared from. */
        private final Map<Statement, String> inUse = new IdentityHashMap<>();

        Builder(SQLiteConnection connection, Map<String, PreparedStatement> idle) {
            this.connection = connection;
            this.idle = idle;
        }

        @Override
        public PreparedStatement create(Connection pooled, String sql, StatementContext ctx) throws SQLException {
            if (ctx.isReturningGeneratedKeys() || ctx.isConcurrentUpdatable()) {
                return super.create(pooled, sql, ctx);
            }
            PreparedStatement statement = idle.remove(sql);
            if (statement == null || statement.isClosed()) {
                statement = connection.prepareStatement(sql);
            }
            inUse.put(statement, sql);
            return statement;
        }

        @Override
        public void close(Connection pooled, String sql, Statement statement) throws SQLException {
            // Jdbi passes the SQL as written here, with named parameters; the key is the parsed SQL.
            String preparedSql = inUse.remove(statement);
            if (preparedSql == null) {
                super.close(pooled, sql, statement);
                return;
            }
            // No clearParameters: it makes SQLite compile some statements again on the next run
            // (tripled the cost of the token check), and Jdbi binds every parameter each time.
            if (idle.putIfAbsent(preparedSql, (PreparedStatement) statement) != null) {
                statement.close();
            }
        }
    }
}
