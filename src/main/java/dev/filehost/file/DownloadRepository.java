package dev.filehost.file;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/** SQL for the log of served downloads. */
public final class DownloadRepository {
    private final Jdbi jdbi;

    public DownloadRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Downloads and bytes of one downloader since a moment, and when their latest began. */
    public record Usage(long count, long bytes, long lastStartedAt) {
    }

    public long start(long fileId, Long userId, String ip, long bytes, long now) {
        return jdbi.inTransaction(h -> h.createQuery("""
                        INSERT INTO downloads (file_id, user_id, ip, bytes, started_at)
                        VALUES (:file, :user, :ip, :bytes, :now) RETURNING id""")
                .bind("file", fileId).bind("user", userId).bind("ip", ip).bind("bytes", bytes).bind("now", now)
                .mapTo(Long.class).one());
    }

    /** Whether this is the address's first download of the file on {@code day} (yyyy-mm-dd); remembers it. */
    public boolean firstOfDay(long fileId, String ip, String day) {
        return jdbi.inTransaction(h -> h.createUpdate("""
                        INSERT INTO download_counts (file_id, ip, day) VALUES (:file, :ip, :day)
                        ON CONFLICT (file_id, ip) DO UPDATE SET day = excluded.day
                        WHERE download_counts.day <> excluded.day""")
                .bind("file", fileId).bind("ip", ip).bind("day", day).execute()) > 0;
    }

    public void finish(long downloadId, long bytesSent) {
        jdbi.useTransaction(h -> h.createUpdate("UPDATE downloads SET bytes = :bytes WHERE id = :id")
                .bind("bytes", bytesSent).bind("id", downloadId).execute());
    }

    /**
     * Downloads of a file in consecutive periods: period i runs from {@code starts[i]} to the next
     * start, the last one to {@code end}. One pass over the file's index range; counts by period,
     * each address once per period when {@code uniqueAddresses}.
     */
    public long[] countsPerPeriod(long fileId, long[] starts, long end, boolean uniqueAddresses) {
        StringBuilder period = new StringBuilder("CASE");
        for (int i = starts.length - 1; i > 0; i--) {
            period.append(" WHEN started_at >= :start").append(i).append(" THEN ").append(i);
        }
        period.append(" ELSE 0 END");
        long[] counts = new long[starts.length];
        jdbi.useHandle(h -> {
            Query query = h.createQuery("""
                            SELECT <period> AS period, COUNT(<counted>) AS n FROM downloads
                            WHERE file_id = :file AND started_at >= :start0 AND started_at < :end
                            GROUP BY period""")
                    .define("period", period.toString()).define("counted", uniqueAddresses ? "DISTINCT ip" : "*")
                    .bind("file", fileId).bind("end", end);
            for (int i = 0; i < starts.length; i++) {
                query.bind("start" + i, starts[i]);
            }
            query.map((rs, ctx) -> new long[] {rs.getInt("period"), rs.getLong("n")})
                    .forEach(row -> counts[(int) row[0]] = row[1]);
        });
        return counts;
    }

    /** A signed-in downloader counts by account, a visitor by address. */
    public Usage usageSince(Long userId, String ip, long since) {
        String who = userId != null ? "user_id = :user" : "user_id IS NULL AND ip = :ip";
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT COUNT(*) AS n, COALESCE(SUM(bytes), 0) AS total, COALESCE(MAX(started_at), 0) AS latest
                        FROM downloads WHERE <who> AND started_at > :since""")
                .define("who", who).bind("user", userId).bind("ip", ip).bind("since", since)
                .map((rs, ctx) -> new Usage(rs.getLong("n"), rs.getLong("total"), rs.getLong("latest"))).one());
    }
}
