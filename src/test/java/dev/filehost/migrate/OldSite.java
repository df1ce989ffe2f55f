package dev.filehost.migrate;

import dev.filehost.file.ShortUrls;
import dev.filehost.support.MariaDbForTests;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A YetiShare site as a migration finds it: a MariaDB database made from the original's table
 * definitions and a local file store, with every case the import must handle.
 */
final class OldSite implements AutoCloseable {
    static final String ALICE_PASSWORD = "alice-secret";
    static final String BOB_PASSWORD = "bob pässword";
    static final String ADMIN_PASSWORD = "admin-pass";
    static final String FOLDER_PASSWORD = "open sesame";
    static final String ALICE_KEY1 = "A".repeat(32) + "1".repeat(32);
    static final String ALICE_KEY2 = "b".repeat(32) + "2".repeat(32);
    static final String BOB_OLD_KEY1 = "C".repeat(64);
    static final String BOB_OLD_KEY2 = "d".repeat(64);
    static final String BOB_KEY1 = "E".repeat(64);
    static final String BOB_KEY2 = "f".repeat(64);
    static final String WELCOME_CODE = "Welcome2024";
    static final String WELCOME_DELETE_HASH = "0123456789abcdef0123456789abcdef";

    static final byte[] PHOTO = bytes("a holiday photo, stored once for three rows");
    static final byte[] WELCOME = bytes("welcome to the new site");
    static final byte[] SECRET = bytes("secret notes");
    static final byte[] LOCKED = bytes("behind a password");
    static final byte[] TRASHED = bytes("in the trash");
    static final byte[] OLD_TRASH = bytes("in a trashed folder");

    /** Folder ids. */
    static final long PHOTOS = 10;
    static final long HOLIDAYS = 11;
    static final long PRIVATE = 12;
    static final long LOCKED_FOLDER = 13;
    static final long TRASHED_TOP = 14;
    static final long TRASHED_CHILD = 15;

    /** File ids. */
    static final long PHOTO_FILE = 100;
    static final long PHOTO_SAME_STORE = 101;
    static final long BOBS_COPY = 102;
    static final long WELCOME_FILE = 103;
    static final long SECRET_FILE = 104;
    static final long LOCKED_FILE = 105;
    static final long TRASHED_FILE = 106;
    static final long DELETED_FILE = 107;
    static final long MISSING_FILE = 108;
    static final long CORRUPT_FILE = 109;
    static final long REMOTE_FILE = 110;
    static final long ANONYMOUS_FILE = 111;
    static final long OLD_TRASH_FILE = 112;
    static final long OWN_PASSWORD_FILE = 113;
    static final long HIDDEN_FILE = 114;
    static final String FILE_PASSWORD = "file pass";
    static final byte[] OWN_PASSWORD = bytes("a file with its own password");
    static final byte[] HIDDEN = bytes("a private file in a public folder");

    final String database;
    final Path files;
    private final Connection connection;

    private OldSite(String database, Path files, Connection connection) {
        this.database = database;
        this.files = files;
        this.connection = connection;
    }

    static OldSite create(Path files) throws SQLException, IOException {
        String database = MariaDbForTests.createDatabase();
        OldSite site = new OldSite(database, files,
                DriverManager.getConnection(MariaDbForTests.url(database), MariaDbForTests.user(), ""));
        site.createTables();
        site.fill();
        return site;
    }

    String url() {
        return MariaDbForTests.url(database);
    }

    private void createTables() throws SQLException, IOException {
        String schema;
        try (InputStream in = OldSite.class.getResourceAsStream("/yetishare/schema.sql")) {
            schema = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Statement statement = connection.createStatement()) {
            for (String sql : schema.replaceAll("(?m)^--.*$", "").split(";")) {
                if (!sql.isBlank()) {
                    statement.execute(sql);
                }
            }
        }
    }

    private void fill() throws SQLException, IOException {
        sql("""
                INSERT INTO user_level (id, level_id, label, level_type, max_upload_size, days_to_keep_trashed_files)
                VALUES (0, 0, 'Non User', 'nonuser', 0, 0), (1, 1, 'Free User', 'free', 104857600, 30),
                       (2, 2, 'Paid User', 'paid', 0, 0), (20, 20, 'Admin', 'admin', 0, 0)""");
        user(1, "admin", md5Hex(ADMIN_PASSWORD), 20, "active", 1);
        user(2, "alice", pbkdf2Hash(ALICE_PASSWORD), 1, "active", 1);
        user(3, "bob", pbkdf2Hash(BOB_PASSWORD), 2, "active", 0);
        user(4, "carol", md5Hex("carol-pass"), 1, "awaiting approval", 1);
        sql("""
                INSERT INTO apiv2_api_key (id, key_public, key_secret, user_id, date_created)
                VALUES (1, ?, ?, 2, '2023-01-02 03:04:05'), (2, ?, ?, 3, '2023-02-01 00:00:00'),
                       (3, ?, ?, 3, '2024-02-01 00:00:00')""",
                ALICE_KEY1, ALICE_KEY2, BOB_OLD_KEY1, BOB_OLD_KEY2, BOB_KEY1, BOB_KEY2);
        sql("""
                INSERT INTO file_server (id, serverLabel, serverType, storagePath)
                VALUES (1, 'Local Default', 'local', 'files/'), (2, 'Old FTP box', 'ftp', '/srv/files')""");
        folder(PHOTOS, null, "Photos", 2, null, "active");
        folder(HOLIDAYS, PHOTOS, "Holidays", 1, null, "active");
        folder(PRIVATE, PHOTOS, "Private", 0, null, "active");
        folder(LOCKED_FOLDER, null, "Locked", 2, md5Hex(FOLDER_PASSWORD), "active");
        folder(TRASHED_TOP, null, "Old stuff", 2, null, "trash");
        folder(TRASHED_CHILD, TRASHED_TOP, "Older", 2, null, "trash");
        folder(16, null, "Deleted folder", 2, null, "deleted");

        String photoPath = store("3f", PHOTO);
        file(PHOTO_FILE, 2, HOLIDAYS, "beach.jpg", ShortUrls.encode(PHOTO_FILE), photoPath, PHOTO, "active", 1);
        file(PHOTO_SAME_STORE, 2, PHOTOS, "beach copy.jpg", ShortUrls.encode(PHOTO_SAME_STORE), photoPath, PHOTO,
                "active", 1);
        file(BOBS_COPY, 3, null, "dup.jpg", ShortUrls.encode(BOBS_COPY), store("7a", PHOTO), PHOTO, "active", 1);
        file(WELCOME_FILE, 2, null, "welcome.txt", WELCOME_CODE, store("01", WELCOME), WELCOME, "active", 1);
        sql("UPDATE file SET deleteHash = ?, visits = 7 WHERE id = ?", WELCOME_DELETE_HASH, WELCOME_FILE);
        file(SECRET_FILE, 2, PRIVATE, "secret.txt", ShortUrls.encode(SECRET_FILE), store("02", SECRET), SECRET,
                "active", 1);
        file(LOCKED_FILE, 2, LOCKED_FOLDER, "locked.txt", ShortUrls.encode(LOCKED_FILE), store("03", LOCKED), LOCKED,
                "active", 1);
        file(TRASHED_FILE, 2, null, "trashed.txt", ShortUrls.encode(TRASHED_FILE), store("04", TRASHED), TRASHED,
                "trash", 1);
        file(DELETED_FILE, 2, null, "gone.txt", ShortUrls.encode(DELETED_FILE), null, bytes("gone"), "deleted", 1);
        file(MISSING_FILE, 2, null, "missing.txt", ShortUrls.encode(MISSING_FILE), "05/" + "0".repeat(32),
                bytes("never stored"), "active", 1);
        Path corrupt = files.resolve(store("06", bytes("the original bytes")));
        Files.writeString(corrupt, "bit rot");
        file(CORRUPT_FILE, 2, null, "corrupt.txt", ShortUrls.encode(CORRUPT_FILE), files.relativize(corrupt).toString(),
                bytes("the original bytes"), "active", 1);
        file(REMOTE_FILE, 3, null, "remote.bin", ShortUrls.encode(REMOTE_FILE), "08/" + "1".repeat(32),
                bytes("far away"), "active", 2);
        file(ANONYMOUS_FILE, null, null, "anonymous.txt", ShortUrls.encode(ANONYMOUS_FILE), store("09", WELCOME),
                WELCOME, "active", 1);
        file(OLD_TRASH_FILE, 2, TRASHED_CHILD, "old.txt", ShortUrls.encode(OLD_TRASH_FILE), store("0a", OLD_TRASH),
                OLD_TRASH, "trash", 1);
        file(OWN_PASSWORD_FILE, 2, null, "own-password.txt", ShortUrls.encode(OWN_PASSWORD_FILE),
                store("0b", OWN_PASSWORD), OWN_PASSWORD, "active", 1);
        sql("UPDATE file SET accessPassword = ? WHERE id = ?", md5Hex(FILE_PASSWORD), OWN_PASSWORD_FILE);
        file(HIDDEN_FILE, 2, PHOTOS, "hidden.txt", ShortUrls.encode(HIDDEN_FILE), store("0c", HIDDEN), HIDDEN,
                "active", 1);
        sql("UPDATE file SET isPublic = 0 WHERE id = ?", HIDDEN_FILE);
    }

    private void user(long id, String username, String hash, long level, String status, int isPublic)
            throws SQLException {
        sql("""
                INSERT INTO users (id, username, password, level_id, email, status, datecreated, isPublic)
                VALUES (?, ?, ?, ?, ?, ?, '2022-05-06 07:08:09', ?)""",
                id, username, hash, level, username + "@old.example", status, isPublic);
    }

    private void folder(long id, Long parent, String name, int isPublic, String password, String status)
            throws SQLException {
        sql("""
                INSERT INTO file_folder (id, userId, parentId, folderName, isPublic, accessPassword, status,
                    date_added, date_updated)
                VALUES (?, 2, ?, ?, ?, ?, ?, '2023-03-03 10:00:00', '2023-04-04 10:00:00')""",
                id, parent, name, isPublic, password, status);
    }

    private void file(long id, Integer user, Long folder, String name, String shortUrl, String path, byte[] content,
                      String status, long server) throws SQLException {
        sql("""
                INSERT INTO file (id, originalFilename, shortUrl, fileType, fileSize, localFilePath, userId,
                    uploadedDate, status, deleteHash, folderId, serverId, fileHash, unique_hash, date_updated)
                VALUES (?, ?, ?, 'application/octet-stream', ?, ?, ?, '2023-06-07 08:09:10', ?, ?, ?, ?, ?, ?,
                    '2023-07-01 00:00:00')""",
                id, name, shortUrl, content.length, path, user, status, md5Hex("delete" + id), folder, server,
                md5Hex(content), "u".repeat(32) + id);
    }

    /** Writes the bytes where the original's local server keeps them: a random name under a two-letter directory. */
    private String store(String directory, byte[] content) throws IOException {
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        String relative = directory + "/" + HexFormat.of().formatHex(random);
        Path path = files.resolve(relative);
        Files.createDirectories(path.getParent());
        Files.write(path, content);
        return relative;
    }

    void sql(String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.execute();
        }
    }

    /**
     * The original's PBKDF2 form, computed here with HMAC-SHA256 step by step (RFC 8018, one block):
     * 1000 iterations, a 24-byte key, the salt's base64 text used as the salt.
     */
    static String pbkdf2Hash(String password) {
        byte[] saltBytes = new byte[18];
        new SecureRandom().nextBytes(saltBytes);
        String salt = Base64.getEncoder().encodeToString(saltBytes);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(password.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(salt.getBytes(StandardCharsets.UTF_8));
            byte[] u = mac.doFinal(new byte[] {0, 0, 0, 1});
            byte[] block = u.clone();
            for (int i = 1; i < 1000; i++) {
                u = mac.doFinal(u);
                for (int j = 0; j < block.length; j++) {
                    block[j] ^= u[j];
                }
            }
            byte[] key = java.util.Arrays.copyOf(block, 24);
            return "sha256:1000:" + salt + ":" + Base64.getEncoder().encodeToString(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String md5Hex(String text) {
        return md5Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    static String md5Hex(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws SQLException {
        connection.close();
        MariaDbForTests.dropDatabase(database);
    }

    static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
