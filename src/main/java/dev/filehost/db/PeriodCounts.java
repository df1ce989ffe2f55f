package dev.filehost.db;

import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * Counts rows in consecutive periods with one query: period i runs from {@code starts[i]} to the next start,
 * the last one to {@code end}. The table's time column should be indexed (alone or after the filter's columns).
 */
public final class PeriodCounts {
    private PeriodCounts() {
    }

    /**
     * {@code filter} is a condition with its own named parameters, bound by the caller on the query it is handed
     * ({@code "1 = 1"} for every row); {@code counted} what COUNT counts ({@code "*"}, {@code "DISTINCT ip"}).
     */
    public static long[] count(Handle h, String table, String timeColumn, String counted, String filter,
                               Consumer<Query> binds, long[] starts, long end) {
        StringBuilder period = new StringBuilder("CASE");
        for (int i = starts.length - 1; i > 0; i--) {
            period.append(" WHEN ").append(timeColumn).append(" >= :start").append(i).append(" THEN ").append(i);
        }
        period.append(" ELSE 0 END");
        Query query = h.createQuery("""
                        SELECT <period> AS period, COUNT(<counted>) AS n FROM <table>
                        WHERE <filter> AND <time> >= :start0 AND <time> < :end
                        GROUP BY period""")
                .define("period", period.toString()).define("counted", counted).define("table", table)
                .define("filter", filter).define("time", timeColumn).bind("end", end);
        for (int i = 0; i < starts.length; i++) {
            query.bind("start" + i, starts[i]);
        }
        binds.accept(query);
        long[] counts = new long[starts.length];
        query.map((rs, ctx) -> new long[] {rs.getInt("period"), rs.getLong("n")})
                .forEach(row -> counts[(int) row[0]] = row[1]);
        return counts;
    }
}
