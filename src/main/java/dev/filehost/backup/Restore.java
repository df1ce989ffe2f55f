package dev.filehost.backup;

import dev.filehost.progress.Progress;
import dev.filehost.storage.BlobStore;
import dev.filehost.storage.OrphanSweep;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Brings a backup back into an empty site: the blobs into the configured store (local or S3),
 * then the database file. Refuses to overwrite anything, so it cannot destroy a site's data.
 */
public final class Restore {
    private Restore() {
    }

    /** @param databaseFile where the settings put the SQLite database */
    public static CopyReport into(Path backupDir, Path databaseFile, BlobStore store, Progress progress)
            throws IOException {
        BackupDirectory backup = new BackupDirectory(backupDir);
        if (!backup.exists()) {
            throw new IllegalArgumentException(backupDir + " holds no backup (no " + BackupDirectory.DATABASE + ")");
        }
        if (Files.exists(databaseFile) || holdsBlobs(store)) {
            throw new IllegalArgumentException("restore needs an empty site, but " + databaseFile
                    + " or stored blobs exist already");
        }
        List<BlobRow> blobs = SqliteSnapshot.blobs(backup.database());
        long total = blobs.stream().mapToLong(BlobRow::size).sum();
        progress.stage("blobs", blobs.size(), total);
        List<String> problems = new ArrayList<>();
        BlobStore source = backup.blobs();
        for (BlobRow blob : blobs) {
            BlobCopy.copy(blob.sha256(), source, store).ifPresent(problems::add);
            progress.advance(blob.size());
        }
        progress.finish();
        Files.createDirectories(databaseFile.toAbsolutePath().getParent());
        Path partial = databaseFile.resolveSibling(databaseFile.getFileName() + ".partial");
        Files.copy(backup.database(), partial, StandardCopyOption.REPLACE_EXISTING);
        // The database last: until it is in place the site does not look restored.
        Files.move(partial, databaseFile, StandardCopyOption.ATOMIC_MOVE);
        return new CopyReport(blobs.size(), blobs.size() - problems.size(), total, problems);
    }

    private static boolean holdsBlobs(BlobStore store) throws IOException {
        if (!(store instanceof OrphanSweep listable)) {
            throw new IllegalArgumentException("this store cannot list its blobs, so restore cannot tell that it is empty");
        }
        try (Stream<String> listed = listable.listAll()) {
            return listed.findAny().isPresent();
        }
    }
}
