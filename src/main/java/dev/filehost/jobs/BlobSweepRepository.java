package dev.filehost.jobs;

import dev.filehost.db.Database;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * SQL of the blob sweeps. Work on a blob's bytes runs inside the transaction that holds its row,
 * so an upload recording a reference to the blob waits until the bytes are gone, and then
 * publishes its own copy (see {@code FileRepository.referenceBlob}).
 */
final class BlobSweepRepository {
    private final Jdbi jdbi;
    private final String claim;

    BlobSweepRepository(Database database) {
        this.jdbi = database.jdbi();
        this.claim = database.isPostgres() ? "FOR UPDATE SKIP LOCKED" : "";
    }

    /** Up to {@code limit} blobs after {@code after} in hash order that no file refers to and nobody referenced since {@code cutoff}. */
    List<String> unreferenced(long cutoff, String after, int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT b.sha256 FROM blobs b
                        WHERE b.sha256 > :after AND b.referenced_at <= :cutoff
                        AND NOT EXISTS (SELECT 1 FROM files f WHERE f.blob_sha256 = b.sha256)
                        ORDER BY b.sha256 LIMIT :limit""")
                .bind("after", after).bind("cutoff", cutoff).bind("limit", limit)
                .mapTo(String.class).list());
    }

    /**
     * Deletes the blob's row if it is still unreferenced and unused since {@code cutoff}, and runs
     * {@code then} before committing; a failure of {@code then} keeps the row.
     *
     * @return whether this call deleted the row
     */
    boolean deleteUnreferenced(String sha256, long cutoff, WhileLocked then) throws IOException {
        return jdbi.inTransaction(h -> {
            int deleted = h.createUpdate("""
                            DELETE FROM blobs WHERE sha256 IN (
                                SELECT b.sha256 FROM blobs b
                                WHERE b.sha256 = :sha AND b.referenced_at <= :cutoff
                                AND NOT EXISTS (SELECT 1 FROM files f WHERE f.blob_sha256 = b.sha256)
                                <claim>)""")
                    .define("claim", claim)
                    .bind("sha", sha256).bind("cutoff", cutoff)
                    .execute();
            if (deleted == 0) {
                return false;
            }
            then.run();
            return true;
        });
    }

    /** Which of these blobs have a row. */
    Set<String> known(List<String> sha256s) {
        return jdbi.withHandle(h -> new HashSet<>(h.createQuery("SELECT sha256 FROM blobs WHERE sha256 IN (<shas>)")
                .bindList("shas", sha256s).mapTo(String.class).list()));
    }

    /**
     * Runs {@code removal} holding a placeholder row for a blob that has none, so no upload can
     * reference the blob meanwhile; the placeholder is removed in the same transaction and never seen.
     *
     * @return what {@code removal} answered, or false without running it if the blob has a row
     */
    boolean claimUnknown(String sha256, Removal removal) throws IOException {
        return jdbi.inTransaction(h -> {
            int inserted = h.createUpdate("""
                            INSERT INTO blobs (sha256, md5, size, referenced_at) VALUES (:sha, '', 0, 0)
                            ON CONFLICT (sha256) DO NOTHING""")
                    .bind("sha", sha256).execute();
            if (inserted == 0) {
                return false;
            }
            boolean removed = removal.run();
            h.createUpdate("DELETE FROM blobs WHERE sha256 = :sha").bind("sha", sha256).execute();
            return removed;
        });
    }

    /** Work on a blob's bytes while its row is held. */
    @FunctionalInterface
    interface WhileLocked {
        void run() throws IOException;
    }

    /** Work on a blob's bytes while a placeholder row holds it; answers whether it removed them. */
    @FunctionalInterface
    interface Removal {
        boolean run() throws IOException;
    }
}
