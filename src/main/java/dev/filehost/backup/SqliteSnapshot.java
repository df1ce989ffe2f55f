package dev.filehost.backup;

import dev.filehost.db.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** A consistent copy of a running SQLite database, and what it says about blobs. */
final class SqliteSnapshot {
    private SqliteSnapshot() {
    }

    /**
     * Writes the database as of one moment to {@code target}, replacing an older snapshot only once
     * the new one is complete. VACUUM INTO reads in one transaction, so the server goes on writing.
     */
    static void write(Database database, Path target) throws IOException {
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        database.jdbi().useHandle(h -> h.createUpdate("VACUUM INTO :file").bind("file", partial.toString()).execute());
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Every blob the snapshot's rows refer to. */
    static List<BlobRow> blobs(Path snapshot) throws IOException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + snapshot);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT sha256, md5, size FROM blobs ORDER BY sha256")) {
            List<BlobRow> blobs = new ArrayList<>();
            while (rows.next()) {
                blobs.add(new BlobRow(rows.getString(1), rows.getString(2), rows.getLong(3)));
            }
            return blobs;
        } catch (SQLException e) {
            throw new IOException("Cannot read the snapshot " + snapshot + ": " + e.getMessage(), e);
        }
    }
}
