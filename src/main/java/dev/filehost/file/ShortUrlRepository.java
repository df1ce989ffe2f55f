package dev.filehost.file;

import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** SQL for short URLs: unique without regard to case, found in any case with an exact match first. */
final class ShortUrlRepository {
    /** Any constant: the key of the PostgreSQL lock that lets one node at a time pick a code. */
    private static final long ASSIGNMENT_LOCK = 0x73686f7274L;

    private final Jdbi jdbi;
    private final boolean postgres;

    ShortUrlRepository(Jdbi jdbi, boolean postgres) {
        this.jdbi = jdbi;
        this.postgres = postgres;
    }

    /**
     * Gives a new file the first code no file has in any case, inside the transaction that
     * inserts it. Two new files could otherwise pick codes that differ only by case at once;
     * SQLite's write transactions already run one at a time.
     */
    void assign(Handle h, long fileId) {
        if (postgres) {
            h.createQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(:key)) AS locked").bind("key", ASSIGNMENT_LOCK)
                    .mapTo(Integer.class).one();
        }
        String code = ShortUrls.encode(fileId);
        for (int attempt = 2; isTaken(h, code); attempt++) {
            code = ShortUrls.candidate(fileId, attempt);
        }
        h.createUpdate("UPDATE files SET short_url = :code WHERE id = :id").bind("code", code).bind("id", fileId)
                .execute();
    }

    private static boolean isTaken(Handle h, String code) {
        return h.createQuery("SELECT COUNT(*) FROM files WHERE lower(short_url) = lower(:code)")
                .bind("code", code).mapTo(Long.class).one() > 0;
    }

    /** The file with exactly this code, else the oldest whose code equals it but for case. */
    Optional<StoredFile> find(String code) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT * FROM files WHERE lower(short_url) = lower(:code)
                        ORDER BY CASE WHEN short_url = :code THEN 0 ELSE 1 END, id LIMIT 1""")
                .bind("code", code).map((rs, ctx) -> FileRepository.map(rs)).findOne());
    }
}
