package dev.filehost.file;

import dev.filehost.db.PeriodCounts;
import org.jdbi.v3.core.Jdbi;

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
     * Downloads of a file, or of every file when {@code fileId} is null, in consecutive periods (see
     * {@link PeriodCounts}); each address once per period when {@code uniqueAddresses}.
     */
    public long[] countsPerPeriod(Long fileId, long[] starts, long end, boolean uniqueAddresses) {
        return jdbi.withHandle(h -> PeriodCounts.count(h, "downloads", "started_at",
                uniqueAddresses ? "DISTINCT ip" : "*", fileId == null ? "1 = 1" : "file_id = :file",
                query -> {
                    if (fileId != null) {
                        query.bind("file", fileId);
                    }
                }, starts, end));
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
