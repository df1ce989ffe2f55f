package dev.filehost.backup;

import dev.filehost.db.Database;
import dev.filehost.progress.Progress;
import dev.filehost.storage.BlobStore;
import dev.filehost.storage.LocalBlobStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Copies a running server's database and blobs into a directory: first a snapshot of the
 * database, then every blob it refers to that the directory does not hold yet. Blobs of earlier
 * backups that the snapshot no longer uses go, so the directory is one consistent backup.
 */
public final class Backup {
    private final Database database;
    private final BlobStore store;

    public Backup(Database database, BlobStore store) {
        this.database = database;
        this.store = store;
    }

    public CopyReport into(Path dir, Progress progress) throws IOException {
        if (database.isPostgres()) {
            throw new IllegalArgumentException("filehost backup copies SQLite databases; with PostgreSQL use "
                    + "pg_dump and the bucket's versioning or a sync (see docs/operations.md)");
        }
        BackupDirectory backup = new BackupDirectory(dir);
        backup.create();
        SqliteSnapshot.write(database, backup.database());
        List<BlobRow> wanted = SqliteSnapshot.blobs(backup.database());
        LocalBlobStore target = backup.blobs();
        long total = wanted.stream().mapToLong(BlobRow::size).sum();
        progress.stage("blobs", wanted.size(), total);
        int copied = 0;
        List<String> problems = new ArrayList<>();
        for (BlobRow blob : wanted) {
            if (!target.exists(blob.sha256())) {
                Optional<String> problem = BlobCopy.copy(blob.sha256(), store, target);
                problem.ifPresent(problems::add);
                copied += problem.isEmpty() ? 1 : 0;
            }
            progress.advance(blob.size());
        }
        progress.finish();
        removeUnwanted(target, wanted.stream().map(BlobRow::sha256).collect(Collectors.toSet()));
        return new CopyReport(wanted.size(), copied, total, problems);
    }

    private static void removeUnwanted(LocalBlobStore target, Set<String> wanted) throws IOException {
        List<String> unwanted;
        try (Stream<String> present = target.listAll()) {
            unwanted = present.filter(sha -> !wanted.contains(sha)).toList();
        }
        for (String sha : unwanted) {
            target.delete(sha);
        }
    }
}
