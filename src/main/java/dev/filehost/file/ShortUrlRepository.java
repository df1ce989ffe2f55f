package dev.filehost.file;

import dev.filehost.db.KeyedLock;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** SQL for short URLs: unique without regard to case, found in any case with an exact match first. */
final class ShortUrlRepository {
    private final Jdbi jdbi;
    private final KeyedLock lock;

    ShortUrlRepository(Jdbi jdbi, KeyedLock lock) {
        this.jdbi = jdbi;
        this.lock = lock;
    }

    /**
     * Gives a new file the first code no file has in any case, inside the transaction that
     * inserts it. Two new files could otherwise pick codes that differ only by case at once.
     */
    void assign(Handle h, long fileId) {
        claim(h, fileId, null);
    }

    /**
     * Gives the file {@code wanted} when no file has that code in any case, else the first free code
     * of its id (as {@link #assign}).
     *
     * @return the code the file has now
     */
    String claim(Handle h, long fileId, String wanted) {
        lock.acquire(h, "short-urls");
        boolean free = wanted != null && ShortUrls.isWellFormed(wanted) && !ShortUrls.isReserved(wanted)
                && !isTakenByAnother(h, wanted, fileId);
        String code = free ? wanted : ShortUrls.firstFree(fileId, candidate -> isTakenByAnother(h, candidate, fileId));
        h.createUpdate("UPDATE files SET short_url = :code WHERE id = :id").bind("code", code).bind("id", fileId)
                .execute();
        return code;
    }

    private static boolean isTakenByAnother(Handle h, String code, long fileId) {
        return h.createQuery("SELECT COUNT(*) FROM files WHERE lower(short_url) = lower(:code) AND id <> :id")
                .bind("code", code).bind("id", fileId).mapTo(Long.class).one() > 0;
    }

    /** The file with exactly this code, else the oldest whose code equals it but for case. */
    Optional<StoredFile> find(String code) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT * FROM files WHERE lower(short_url) = lower(:code)
                        ORDER BY CASE WHEN short_url = :code THEN 0 ELSE 1 END, id LIMIT 1""")
                .bind("code", code).map((rs, ctx) -> FileRepository.map(rs)).findOne());
    }
}
