package dev.filehost.backup;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/** The SQL a store check reads: blob rows page by page, and which files use a blob. */
final class BlobCheckRepository {
    private final Jdbi jdbi;

    BlobCheckRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Up to {@code limit} blob rows after {@code after}, in hash order. */
    List<BlobRow> page(String after, int limit) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT sha256, md5, size FROM blobs WHERE sha256 > :after ORDER BY sha256 LIMIT :limit")
                .bind("after", after).bind("limit", limit)
                .map((rs, ctx) -> new BlobRow(rs.getString(1), rs.getString(2), rs.getLong(3)))
                .list());
    }

    /** Which of these hashes have a row. */
    Set<String> known(List<String> sha256s) {
        return jdbi.withHandle(h -> new HashSet<>(h.createQuery("SELECT sha256 FROM blobs WHERE sha256 IN (<shas>)")
                .bindList("shas", sha256s).mapTo(String.class).list()));
    }

    /** The ids of the files, in any state, whose bytes are this blob. */
    List<Long> filesUsing(String sha256) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM files WHERE blob_sha256 = :sha ORDER BY id")
                .bind("sha", sha256).mapTo(Long.class).list());
    }
}
