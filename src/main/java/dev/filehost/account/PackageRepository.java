package dev.filehost.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
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
