package dev.filehost.account;

import dev.filehost.db.Like;
import dev.filehost.db.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/** SQL for users. */
public final class UserRepository {
    private final Jdbi jdbi;

    public UserRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Optional<User> findById(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM users WHERE id = :id")
                .bind("id", id).map((rs, ctx) -> map(rs)).findOne());
    }

    public Optional<User> findByUsername(String username) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM users WHERE LOWER(username) = LOWER(:username)")
                .bind("username", username).map((rs, ctx) -> map(rs)).findOne());
    }

    /** Active accounts with this email address, in any case. */
    public List<User> findActiveByEmail(String email) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT * FROM users WHERE LOWER(email) = LOWER(:email) AND status = 'active' ORDER BY id")
                .bind("email", email).map((rs, ctx) -> map(rs)).list());
    }

    public List<User> list() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM users ORDER BY id").map((rs, ctx) -> map(rs)).list());
    }

    /** One page of the accounts whose name or email contains {@code text} (every account when blank), by id. */
    public List<User> search(String text, int offset, int limit) {
        return jdbi.withHandle(h -> matching(h.createQuery("SELECT * FROM users <match> ORDER BY id LIMIT :limit OFFSET :offset"),
                text).bind("limit", limit).bind("offset", offset).map((rs, ctx) -> map(rs)).list());
    }

    public int count(String text) {
        return jdbi.withHandle(h -> matching(h.createQuery("SELECT COUNT(*) FROM users <match>"), text)
                .mapTo(Integer.class).one());
    }

    private static Query matching(Query query, String text) {
        if (text.isBlank()) {
            return query.define("match", "");
        }
        return query.define("match", "WHERE LOWER(username) LIKE :pattern ESCAPE '!' OR LOWER(email) LIKE :pattern ESCAPE '!'")
                .bind("pattern", Like.containing(text.strip()));
    }

    public boolean isEmpty() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM users").mapTo(Long.class).one()) == 0;
    }

    public long insert(String username, String passwordHash, String email, long packageId, long now) {
        return jdbi.inTransaction(h -> h.createQuery("""
                        INSERT INTO users (username, password_hash, email, package_id, status, created_at)
                        VALUES (:username, :hash, :email, :package, 'active', :now) RETURNING id""")
                .bind("username", username).bind("hash", passwordHash).bind("email", email)
                .bind("package", packageId).bind("now", now)
                .mapTo(Long.class).one());
    }

    public void recordLogin(long id, long now, String ip) {
        jdbi.useTransaction(h -> h.createUpdate(
                        "UPDATE users SET last_login_at = :now, last_login_ip = :ip WHERE id = :id")
                .bind("now", now).bind("ip", ip).bind("id", id).execute());
    }

    public void updatePasswordHash(long id, String hash) {
        setColumn(id, "password_hash", hash);
    }

    public void updateEmail(long id, String email) {
        setColumn(id, "email", email);
    }

    public void updateStatus(long id, UserStatus status) {
        setColumn(id, "status", status.value());
    }

    public void updatePackage(long id, long packageId) {
        setColumn(id, "package_id", packageId);
    }

    public void updateStorageLimitOverride(long id, Long bytes) {
        setColumn(id, "storage_limit_override", bytes);
    }

    private void setColumn(long id, String column, Object value) {
        jdbi.useTransaction(h -> h.createUpdate("UPDATE users SET " + column + " = :value WHERE id = :id")
                .bind("value", value).bind("id", id).execute());
    }

    /** A users row (or a join that selects {@code users.*}) as a User. */
    public static User map(ResultSet rs) throws SQLException {
        return new User(
                rs.getLong("id"),
                rs.getString("username"),
                rs.getString("password_hash"),
                rs.getString("email"),
                rs.getLong("package_id"),
                UserStatus.parse(rs.getString("status")).orElse(UserStatus.DISABLED),
                rs.getString("title"),
                rs.getString("firstname"),
                rs.getString("lastname"),
                rs.getInt("language_id"),
                rs.getLong("created_at"),
                Rows.nullableLong(rs, "last_login_at"),
                rs.getString("last_login_ip"),
                Rows.nullableLong(rs, "last_payment_at"),
                Rows.nullableLong(rs, "paid_expiry_at"),
                Rows.nullableLong(rs, "storage_limit_override"));
    }
}
