package dev.filehost.backup;

import java.util.List;

/**
 * What a comparison of the database with the store found.
 *
 * @param blobs      the blob rows checked
 * @param missing    rows whose bytes are not in the store, with the files that use them
 * @param damaged    rows whose stored bytes have another size or hash
 * @param orphans    stored blobs that no row knows
 * @param movedAside orphans that a repair moved out of the store
 */
public record CheckReport(long blobs, List<String> missing, List<String> damaged, List<String> orphans, int movedAside) {
    public boolean clean() {
        return missing.isEmpty() && damaged.isEmpty() && orphans.isEmpty();
    }
}
