package dev.filehost.migrate;

import dev.filehost.account.AnonymousOwner;
import dev.filehost.account.PackageField;
import dev.filehost.account.PackageRepository;
import dev.filehost.account.User;
import dev.filehost.account.UserRepository;
import dev.filehost.auth.ApiKeyRepository;
import dev.filehost.auth.Secrets;
import dev.filehost.db.Database;
import dev.filehost.db.UniqueViolation;
import dev.filehost.file.FileNames;
import dev.filehost.file.FileRepository;
import dev.filehost.file.ShortUrls;
import dev.filehost.folder.Folder;
import dev.filehost.folder.FolderPrivacy;
import dev.filehost.folder.FolderRepository;
import dev.filehost.folder.FolderSummary;
import dev.filehost.storage.StoredBlob;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Writes the imported rows into filehost's database under their old ids. Every write leaves an
 * existing row alone, so a resumed or repeated run changes nothing that is already there.
 */
final class FilehostTarget {
    /** The tables whose rows keep their old ids; never from input. */
    enum Table { PACKAGES, USERS, FOLDERS, FILES }

    private static final List<String> IDENTITY_TABLES = List.of("users", "folders", "files");
    private static final Pattern URL_HASH = Pattern.compile("[0-9a-f]{32}");

    private final Database database;
    private final Jdbi jdbi;
    private final PackageRepository packages;
    private final ApiKeyRepository apiKeys;
    private final FileRepository files;
    private final FolderRepository folders;
    private final AnonymousOwner anonymous;

    FilehostTarget(Database database, Clock clock) {
        this.database = database;
        this.jdbi = database.jdbi();
        this.packages = new PackageRepository(jdbi);
        this.apiKeys = new ApiKeyRepository(jdbi);
        this.files = new FileRepository(database);
        this.folders = new FolderRepository(jdbi, database.isPostgres());
        this.anonymous = new AnonymousOwner(new UserRepository(jdbi), clock);
    }

    Set<Long> ids(Table table) {
        return new HashSet<>(jdbi.withHandle(h -> h.createQuery("SELECT id FROM <table>")
                .define("table", table.name().toLowerCase(Locale.ROOT)).mapTo(Long.class).list()));
    }

    boolean hasAccountsOrFiles() {
        return jdbi.withHandle(h -> h.createQuery(
                "SELECT (SELECT COUNT(*) FROM users) + (SELECT COUNT(*) FROM files)").mapTo(Long.class).one()) > 0;
    }

    boolean hasImported(String source) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM legacy_imports WHERE source = :source")
                .bind("source", source).mapTo(Long.class).one()) > 0;
    }

    void markStarted(String source, long now) {
        jdbi.useTransaction(h -> h.createUpdate("""
                        INSERT INTO legacy_imports (source, started_at) VALUES (:source, :now)
                        ON CONFLICT (source) DO NOTHING""")
                .bind("source", source).bind("now", now).execute());
    }

    void markFinished(String source, long now) {
        jdbi.useTransaction(h -> h.createUpdate(
                        "UPDATE legacy_imports SET finished_at = :now WHERE source = :source AND finished_at IS NULL")
                .bind("source", source).bind("now", now).execute());
    }

    /** A package row under the old id; its limits are then set field by field. */
    void insertPackage(long id, String label, String levelType) {
        jdbi.useTransaction(h -> h.createUpdate("""
                        INSERT INTO packages (id, label, level_type) VALUES (:id, :label, :type)
                        ON CONFLICT (id) DO NOTHING""")
                .bind("id", id).bind("label", label).bind("type", levelType).execute());
    }

    void setPackageField(long id, PackageField field, Object value) {
        packages.update(id, field, value);
    }

    /**
     * The account that owns the files the old site took without an account, as it owns guests' uploads:
     * it cannot sign in, and the files keep their links and delete links.
     */
    User anonymousOwner() {
        return anonymous.account();
    }

    /** False when another account already has the username. */
    boolean insertUser(LegacyRows.User user, String status, long packageId, long now) {
        try {
            jdbi.useTransaction(h -> h.createUpdate("""
                            INSERT INTO users (id, username, password_hash, email, package_id, status, title, firstname,
                                lastname, created_at, last_login_at, last_login_ip, paid_expiry_at, storage_limit_override)
                            VALUES (:id, :username, :hash, :email, :package, :status, :title, :firstname,
                                :lastname, :created, :lastLogin, :lastIp, :paidExpiry, :storageLimit)
                            ON CONFLICT (id) DO NOTHING""")
                    .bind("id", user.id()).bind("username", user.username()).bind("hash", user.passwordHash())
                    .bind("email", user.email()).bind("package", packageId).bind("status", status)
                    .bind("title", user.title()).bind("firstname", user.firstname()).bind("lastname", user.lastname())
                    .bind("created", user.createdAt() == null ? now : user.createdAt())
                    .bind("lastLogin", user.lastLoginAt()).bind("lastIp", user.lastLoginIp())
                    .bind("paidExpiry", user.paidExpiryAt()).bind("storageLimit", user.storageLimitOverride())
                    .execute());
            return true;
        } catch (RuntimeException e) {
            if (UniqueViolation.causedBy(e)) {
                return false;
            }
            throw e;
        }
    }

    boolean hasApiKey(long userId) {
        return apiKeys.exists(userId);
    }

    /** False when another account already holds this key1. */
    boolean insertApiKey(LegacyRows.ApiKey key, long now) {
        try {
            apiKeys.replace(key.userId(), key.key1(), Secrets.sha256Hex(key.key2()),
                    key.createdAt() == null ? now : key.createdAt());
            return true;
        } catch (RuntimeException e) {
            if (UniqueViolation.causedBy(e)) {
                return false;
            }
            throw e;
        }
    }

    void insertFolder(LegacyRows.Folder folder, Long parentId, String name, int privacy, String accessPassword,
                      boolean trashed, long now) {
        jdbi.useTransaction(h -> h.createUpdate("""
                        INSERT INTO folders (id, user_id, parent_id, name, is_public, access_password, status,
                            url_hash, created_at, updated_at, trashed_at)
                        VALUES (:id, :user, :parent, :name, :privacy, :password, :status, :urlHash, :created, :updated,
                            :trashed)
                        ON CONFLICT (id) DO NOTHING""")
                .bind("id", folder.id()).bind("user", folder.userId()).bind("parent", parentId)
                .bind("urlHash", urlHash(h, folder.urlHash()))
                .bind("name", name).bind("privacy", privacy)
                .bind("password", accessPassword).bind("status", trashed ? "trash" : "active")
                .bind("created", folder.createdAt() == null ? now : folder.createdAt())
                .bind("updated", folder.updatedAt())
                .bind("trashed", trashed ? trashTime(folder.updatedAt(), now) : null)
                .execute());
    }

    /**
     * The folder's old URL hash, so its old links keep working, when it is one (the original leaves
     * some empty) and no folder here has it; otherwise a new one.
     */
    private static String urlHash(Handle h, String old) {
        boolean usable = old != null && URL_HASH.matcher(old).matches() && h.createQuery(
                "SELECT COUNT(*) FROM folders WHERE url_hash = :hash").bind("hash", old).mapTo(Long.class).one() == 0;
        return usable ? old : Secrets.randomHex(16);
    }

    /** The user's top-level folder of this name and password, made (with a new id) when there is none. */
    long holdingFolder(long userId, String name, FolderPrivacy privacy, String accessPassword, long now) {
        return folders.summariesIn(userId, null).stream().map(FolderSummary::folder)
                .filter(f -> f.name().equals(name) && Objects.equals(f.accessPassword(), accessPassword))
                .map(Folder::id).findFirst()
                .orElseGet(() -> folders.insert(userId, null, name, privacy, accessPassword, now));
    }

    /**
     * The file under its old id, next to a blob row that is marked referenced in the same step, with
     * the short URL it had (or, when another file has that code in any case, one of its own).
     *
     * @return the file's short URL
     */
    String insertFile(LegacyRows.File file, long userId, Long folderId, String name, String mimeType, StoredBlob blob,
                    boolean trashed, long now) {
        files.referenceBlob(blob, now);
        String stored = trashed ? name : files.freeName(userId, folderId, name);
        return jdbi.inTransaction(h -> {
            h.createUpdate("""
                            INSERT INTO files (id, user_id, folder_id, name, extension, mime_type, size, blob_sha256,
                                delete_hash, unique_hash, status, downloads, uploaded_ip, upload_source, description,
                                created_at, last_accessed_at, trashed_at)
                            VALUES (:id, :user, :folder, :name, :extension, :mime, :size, :blob,
                                :deleteHash, :uniqueHash, :status, :downloads, :ip, :source, :description,
                                :created, :accessed, :trashed)
                            ON CONFLICT (id) DO NOTHING""")
                    .bind("id", file.id()).bind("user", userId).bind("folder", folderId).bind("name", stored)
                    .bind("extension", FileNames.extensionOf(stored)).bind("mime", mimeType).bind("size", blob.size())
                    .bind("blob", blob.sha256())
                    .bind("deleteHash", file.deleteHash() == null ? Secrets.randomHex(16) : file.deleteHash())
                    .bind("uniqueHash", uniqueHash(file))
                    .bind("status", trashed ? "trash" : "active").bind("downloads", file.visits())
                    .bind("ip", file.uploadedIp()).bind("source", file.uploadSource() == null ? "direct" : file.uploadSource())
                    .bind("description", file.description())
                    .bind("created", file.uploadedAt() == null ? now : file.uploadedAt())
                    .bind("accessed", file.lastAccessedAt())
                    .bind("trashed", trashed ? trashTime(file.updatedAt(), now) : null)
                    .execute();
            String wanted = file.shortUrl() == null ? ShortUrls.encode(file.id()) : file.shortUrl();
            return files.keepShortUrl(h, file.id(), wanted);
        });
    }

    /** The old unique hash when it is free; a new one when it is missing or another file has it. */
    private String uniqueHash(LegacyRows.File file) {
        String old = file.uniqueHash();
        boolean taken = old == null || old.length() > 64 || jdbi.withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM files WHERE unique_hash = :hash").bind("hash", old).mapTo(Long.class).one()) > 0;
        return taken ? Secrets.randomHex(32) : old;
    }

    /** PostgreSQL hands out ids from a sequence that explicit ids do not move; SQLite keeps up by itself. */
    void moveIdSequencesPastImportedRows() {
        if (!database.isPostgres()) {
            return;
        }
        jdbi.useHandle(h -> {
            for (String table : IDENTITY_TABLES) {
                // The table name comes from the fixed list above; a quoted template variable would not be replaced.
                h.createQuery("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), "
                                + "COALESCE((SELECT MAX(id) FROM " + table + "), 0) + 1, false)")
                        .mapTo(Long.class).one();
            }
        });
    }

    private static long trashTime(Long updatedAt, long now) {
        return updatedAt == null ? now : updatedAt;
    }
}
