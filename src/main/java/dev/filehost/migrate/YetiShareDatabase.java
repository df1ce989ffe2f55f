package dev.filehost.migrate;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Reads a YetiShare 5 / uCloud 2 database (MariaDB or MySQL); never writes to it. */
final class YetiShareDatabase implements AutoCloseable {
    private static final DateTimeFormatter NAIVE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** user_level columns with a filehost package field of the same meaning (old name, filehost name). */
    private static final Map<String, String> MAPPED_LIMITS = Map.ofEntries(
            Map.entry("can_upload", "can_upload"),
            Map.entry("wait_between_downloads", "wait_between_downloads"),
            Map.entry("download_speed", "download_speed"),
            Map.entry("max_storage_bytes", "max_storage_bytes"),
            Map.entry("show_site_adverts", "show_site_adverts"),
            Map.entry("days_to_keep_inactive_files", "days_to_keep_inactive_files"),
            Map.entry("concurrent_uploads", "concurrent_uploads"),
            Map.entry("concurrent_downloads", "concurrent_downloads"),
            Map.entry("downloads_per_24_hours", "downloads_per_24_hours"),
            Map.entry("max_download_filesize_allowed", "max_download_filesize_allowed"),
            Map.entry("max_remote_download_urls", "max_remote_download_urls"),
            Map.entry("max_upload_size", "max_upload_size"));
    /** user_level columns filehost has no field for; reported when they hold a limit. */
    private static final List<String> UNMAPPED_LIMITS = List.of("days_to_keep_trashed_files", "can_remote_download",
            "max_uploads_per_day", "delete_account_after_days");

    private final Connection connection;

    private YetiShareDatabase(Connection connection) {
        this.connection = connection;
    }

    static YetiShareDatabase open(String url, String user, String password) {
        if (!url.startsWith("jdbc:mariadb:") && !url.startsWith("jdbc:mysql:")) {
            throw new IllegalArgumentException("--db-url must be a jdbc:mariadb:// (or jdbc:mysql://) URL, not " + url);
        }
        try {
            Connection connection = DriverManager.getConnection(url.replaceFirst("^jdbc:mysql:", "jdbc:mariadb:"),
                    user, password);
            connection.setReadOnly(true);
            return new YetiShareDatabase(connection);
        } catch (SQLException e) {
            throw new IllegalArgumentException("cannot read the YetiShare database at " + url + ": " + e.getMessage());
        }
    }

    List<LegacyRows.Package> packages() throws SQLException {
        List<LegacyRows.Package> packages = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT * FROM user_level ORDER BY id");
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                Map<String, Object> limits = new LinkedHashMap<>();
                for (Map.Entry<String, String> column : MAPPED_LIMITS.entrySet()) {
                    limits.put(column.getValue(), rs.getLong(column.getKey()));
                }
                limits.put("accepted_file_types", Objects.toString(text(rs, "accepted_file_types"), ""));
                limits.put("blocked_file_types", Objects.toString(text(rs, "blocked_file_types"), ""));
                List<String> unmapped = new ArrayList<>();
                for (String column : UNMAPPED_LIMITS) {
                    if (rs.getLong(column) != 0) {
                        unmapped.add(column + "=" + rs.getLong(column));
                    }
                }
                packages.add(new LegacyRows.Package(rs.getLong("id"), rs.getString("label"),
                        rs.getString("level_type"), limits, unmapped));
            }
        }
        return packages;
    }

    List<LegacyRows.User> users() throws SQLException {
        List<LegacyRows.User> users = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT id, username, password, level_id, email, status, datecreated, lastlogindate, lastloginip,
                       paidExpiryDate, storageLimitOverride, isPublic, title, firstname, lastname
                FROM users ORDER BY id""");
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                users.add(new LegacyRows.User(rs.getLong("id"), rs.getString("username"), rs.getString("password"),
                        rs.getLong("level_id"), rs.getString("email"), rs.getString("status"),
                        time(rs, "datecreated"), time(rs, "lastlogindate"), rs.getString("lastloginip"),
                        time(rs, "paidExpiryDate"), nullableLong(rs, "storageLimitOverride"),
                        rs.getInt("isPublic") != 0, rs.getString("title"), rs.getString("firstname"),
                        rs.getString("lastname")));
            }
        }
        return users;
    }

    List<LegacyRows.ApiKey> apiKeys() throws SQLException {
        List<LegacyRows.ApiKey> keys = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id, user_id, key_public, key_secret, date_created FROM apiv2_api_key ORDER BY id");
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                keys.add(new LegacyRows.ApiKey(rs.getLong("id"), rs.getLong("user_id"), rs.getString("key_public"),
                        rs.getString("key_secret"), time(rs, "date_created")));
            }
        }
        return keys;
    }

    /** Folders not deleted, ordered by id. */
    List<LegacyRows.Folder> folders() throws SQLException {
        List<LegacyRows.Folder> folders = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT id, userId, parentId, folderName, isPublic, accessPassword, urlHash, status, date_added,
                    date_updated
                FROM file_folder WHERE status <> 'deleted' ORDER BY id""");
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                folders.add(new LegacyRows.Folder(rs.getLong("id"), rs.getLong("userId"),
                        nullableLong(rs, "parentId"), rs.getString("folderName"), rs.getInt("isPublic"),
                        text(rs, "accessPassword"), text(rs, "urlHash"), rs.getString("status"), time(rs, "date_added"),
                        time(rs, "date_updated")));
            }
        }
        return folders;
    }

    Map<Long, LegacyRows.Server> servers() throws SQLException {
        Map<Long, LegacyRows.Server> servers = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id, serverLabel, serverType FROM file_server ORDER BY id");
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                servers.put(rs.getLong("id"), new LegacyRows.Server(rs.getLong("id"), rs.getString("serverLabel"),
                        rs.getString("serverType")));
            }
        }
        return servers;
    }

    record Totals(long files, long bytes) {
    }

    Totals fileTotals() throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT COUNT(*), COALESCE(SUM(fileSize), 0) FROM file WHERE status <> 'deleted'");
             ResultSet rs = statement.executeQuery()) {
            rs.next();
            return new Totals(rs.getLong(1), rs.getLong(2));
        }
    }

    Set<Long> fileIds() throws SQLException {
        Set<Long> ids = new HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT id FROM file WHERE status <> 'deleted'");
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    /** Deleted rows counted apart: they are skipped by design. */
    long deletedFiles() throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT COUNT(*) FROM file WHERE status = 'deleted'");
             ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The next page of files not deleted, in id order, after the given id. */
    List<LegacyRows.File> files(long afterId, int limit) throws SQLException {
        List<LegacyRows.File> files = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT id, originalFilename, shortUrl, fileSize, localFilePath, userId, uploadedIP, uploadedDate,
                       status, visits, lastAccessed, deleteHash, folderId, serverId, accessPassword, fileHash,
                       description, isPublic, uploadSource, unique_hash, date_updated
                FROM file WHERE status <> 'deleted' AND id > ? ORDER BY id LIMIT ?""")) {
            statement.setLong(1, afterId);
            statement.setInt(2, limit);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    files.add(new LegacyRows.File(rs.getLong("id"), rs.getString("originalFilename"),
                            text(rs, "shortUrl"), rs.getLong("fileSize"), text(rs, "localFilePath"),
                            nullableLong(rs, "userId"), rs.getString("uploadedIP"), time(rs, "uploadedDate"),
                            rs.getString("status"), rs.getLong("visits"), time(rs, "lastAccessed"),
                            text(rs, "deleteHash"), nullableLong(rs, "folderId"), nullableLong(rs, "serverId"),
                            text(rs, "accessPassword"), text(rs, "fileHash"), text(rs, "description"),
                            rs.getInt("isPublic") != 0, rs.getString("uploadSource"), text(rs, "unique_hash"),
                            time(rs, "date_updated")));
                }
            }
        }
        return files;
    }

    /** A naive DATETIME/TIMESTAMP read as text (UTC, as the original writes it); zero dates are unset. */
    private static Long time(ResultSet rs, String column) throws SQLException {
        String value = rs.getString(column);
        if (value == null || value.length() < 19 || value.startsWith("0000")) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.substring(0, 19), NAIVE).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Text with empty values read as unset. */
    private static String text(ResultSet rs, String column) throws SQLException {
        String value = rs.getString(column);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() || value == 0 ? null : value;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
