package dev.filehost.admin;

import org.jdbi.v3.core.Jdbi;

/** The site's size for the admin dashboard: accounts, files, and the bytes they take. */
public final class SiteTotals {
    private final Jdbi jdbi;

    public SiteTotals(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * {@code fileBytes} is the sum of every file's size, trashed ones included, as if each were stored on its
     * own; {@code storedBytes} what the store holds, each distinct content once.
     */
    public record Totals(long accounts, long activeFiles, long trashedFiles, long fileBytes, long storedBytes) {
    }

    public Totals now() {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT (SELECT COUNT(*) FROM users) AS accounts,
                               (SELECT COUNT(*) FROM files WHERE status = 'active') AS active_files,
                               (SELECT COUNT(*) FROM files WHERE status = 'trash') AS trashed_files,
                               (SELECT COALESCE(SUM(size), 0) FROM files) AS file_bytes,
                               (SELECT COALESCE(SUM(size), 0) FROM blobs) AS stored_bytes""")
                .map((rs, ctx) -> new Totals(rs.getLong("accounts"), rs.getLong("active_files"),
                        rs.getLong("trashed_files"), rs.getLong("file_bytes"), rs.getLong("stored_bytes")))
                .one());
    }
}
