package dev.filehost.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** SQL for packages. */
public final class PackageRepository {
    private final Jdbi jdbi;

    public PackageRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Optional<AccountPackage> findById(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM packages WHERE id = :id")
                .bind("id", id).map((rs, ctx) -> map(rs)).findOne());
    }

    public Optional<AccountPackage> findByLabel(String label) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM packages WHERE LOWER(label) = LOWER(:label)")
                .bind("label", label).map((rs, ctx) -> map(rs)).findOne());
    }

    public List<AccountPackage> list() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM packages ORDER BY id")
                .map((rs, ctx) -> map(rs)).list());
    }

    /** A new package with the table's defaults (0: unlimited) under the next free id; the new id. */
    public long insert(String label, String levelType) {
        return jdbi.inTransaction(h -> {
            long id = h.createQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM packages").mapTo(Long.class).one();
            h.createUpdate("INSERT INTO packages (id, label, level_type) VALUES (:id, :label, :level)")
                    .bind("id", id).bind("label", label).bind("level", levelType).execute();
            return id;
        });
    }

    /** Removes a package no account uses; false when one does. */
    public boolean deleteUnused(long id) {
        return jdbi.inTransaction(h -> h.createUpdate("""
                        DELETE FROM packages WHERE id = :id AND NOT EXISTS (SELECT 1 FROM users WHERE package_id = :id)""")
                .bind("id", id).execute()) > 0;
    }

    /** How many accounts each package has, by package id; packages without any are left out. */
    public Map<Long, Integer> accountCounts() {
        return jdbi.withHandle(h -> h.createQuery("SELECT package_id, COUNT(*) AS n FROM users GROUP BY package_id")
                .reduceRows(new HashMap<Long, Integer>(), (counts, row) -> {
                    counts.put(row.getColumn("package_id", Long.class), row.getColumn("n", Integer.class));
                    return counts;
                }));
    }

    /** Sets one field; the column name comes from {@link PackageField}, never from input. */
    public void update(long id, PackageField field, Object value) {
        jdbi.useTransaction(h -> h.createUpdate("UPDATE packages SET " + field.column() + " = :value WHERE id = :id")
                .bind("value", value).bind("id", id).execute());
    }

    static AccountPackage map(ResultSet rs) throws SQLException {
        return new AccountPackage(
                rs.getLong("id"),
                rs.getString("label"),
                rs.getString("level_type"),
                rs.getInt("api_access") != 0,
                rs.getLong("max_upload_size"),
                rs.getInt("can_upload") != 0,
                rs.getLong("wait_between_downloads"),
                rs.getLong("download_speed"),
                rs.getLong("max_storage_bytes"),
                rs.getInt("show_site_adverts") != 0,
                rs.getInt("show_upgrade_screen") != 0,
                rs.getLong("days_to_keep_inactive_files"),
                rs.getLong("concurrent_uploads"),
                rs.getLong("concurrent_downloads"),
                rs.getLong("downloads_per_24_hours"),
                rs.getLong("download_size_per_24_hours"),
                rs.getLong("max_download_filesize_allowed"),
                rs.getLong("max_remote_download_urls"),
                rs.getInt("on_upgrade_page") != 0,
                rs.getString("accepted_file_types"),
                rs.getString("blocked_file_types"));
    }
}
