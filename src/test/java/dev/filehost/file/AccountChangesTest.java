package dev.filehost.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filehost.account.UserRepository;
import dev.filehost.db.Database;
import dev.filehost.support.TempDirs;
import dev.filehost.support.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/** Every write to an account's files or folders, however it is made, moves that account's counter and no other. */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"sqlite", "postgresql"})
class AccountChangesTest {
    @Parameter
    String kind;

    private Path dir;
    private TestDatabase database;
    private Jdbi jdbi;
    private AccountChanges changes;
    private long owner;
    private long other;

    @BeforeEach
    void open() throws Exception {
        dir = Files.createTempDirectory("account-changes");
        database = TestDatabase.create(kind, dir);
        Database.migrations(kind.equals("postgresql")).dataSource(database.url(), database.user(), "").load().migrate();
        jdbi = Jdbi.create(database.url(), database.user(), "");
        changes = new AccountChanges(jdbi);
        UserRepository users = new UserRepository(jdbi);
        owner = users.insert("owner", "hash", null, 1, 1L);
        other = users.insert("other", "hash", null, 1, 1L);
        jdbi.useHandle(h -> h.execute("INSERT INTO blobs (sha256, md5, size, referenced_at) VALUES (?, ?, 1, 1)",
                "a".repeat(64), "b".repeat(32)));
    }

    @AfterEach
    void close() throws Exception {
        database.close();
        TempDirs.deleteTree(dir);
    }

    private long folder(long userId, String name) {
        return jdbi.withHandle(h -> h.createQuery("""
                        INSERT INTO folders (user_id, name, url_hash, created_at) VALUES (:user, :name, :hash, 1)
                        RETURNING id""")
                .bind("user", userId).bind("name", name).bind("hash", name + "-hash").mapTo(Long.class).one());
    }

    private long file(long userId, String name) {
        return jdbi.withHandle(h -> h.createQuery("""
                        INSERT INTO files (user_id, name, extension, mime_type, size, blob_sha256, delete_hash,
                            unique_hash, upload_source, created_at)
                        VALUES (:user, :name, 'txt', 'text/plain', 1, :blob, :delete, :unique, 'api', 1) RETURNING id""")
                .bind("user", userId).bind("name", name).bind("blob", "a".repeat(64))
                .bind("delete", "d".repeat(32)).bind("unique", name.repeat(64).substring(0, 64))
                .mapTo(Long.class).one());
    }

    private void write(String sql, Object... values) {
        jdbi.useHandle(h -> h.execute(sql, values));
    }

    /** Runs {@code change} and tells whether it moved the owner's counter, checking it left the other's alone. */
    private boolean moves(Runnable change) {
        long before = changes.versionOf(owner);
        long otherBefore = changes.versionOf(other);
        change.run();
        assertThat(changes.versionOf(other)).as("the other account's counter").isEqualTo(otherBefore);
        return changes.versionOf(owner) > before;
    }

    @Test
    void everyKindOfWriteToFilesMovesTheCounter() {
        long[] id = new long[1];
        assertThat(moves(() -> id[0] = file(owner, "first"))).as("a new file").isTrue();
        assertThat(moves(() -> write("UPDATE files SET name = 'renamed' WHERE id = ?", id[0]))).as("a rename").isTrue();
        assertThat(moves(() -> write("UPDATE files SET downloads = downloads + 1 WHERE id = ?", id[0])))
                .as("a download counted").isTrue();
        assertThat(moves(() -> write("UPDATE files SET status = 'trash' WHERE id = ?", id[0]))).as("trashed").isTrue();
        assertThat(moves(() -> write("DELETE FROM files WHERE id = ?", id[0]))).as("deleted").isTrue();
        assertThat(moves(() -> write("UPDATE files SET name = 'none' WHERE id = ?", id[0])))
                .as("an update that changes no row").isFalse();
    }

    @Test
    void everyKindOfWriteToFoldersMovesTheCounter() {
        long[] id = new long[1];
        assertThat(moves(() -> id[0] = folder(owner, "docs"))).as("a new folder").isTrue();
        long file = file(owner, "inside");
        assertThat(moves(() -> write("UPDATE files SET folder_id = ? WHERE id = ?", id[0], file))).as("a move").isTrue();
        assertThat(moves(() -> write("UPDATE folders SET is_public = 2 WHERE id = ?", id[0]))).as("shared").isTrue();
        assertThat(moves(() -> write("UPDATE files SET folder_id = NULL WHERE id = ?", file))).isTrue();
        assertThat(moves(() -> write("DELETE FROM folders WHERE id = ?", id[0]))).as("deleted").isTrue();
    }

    @Test
    void aFileGivenToAnotherAccountMovesBothCounters() {
        long id = file(owner, "given");
        long ownerBefore = changes.versionOf(owner);
        long otherBefore = changes.versionOf(other);

        write("UPDATE files SET user_id = ? WHERE id = ?", other, id);

        assertThat(changes.versionOf(owner)).isGreaterThan(ownerBefore);
        assertThat(changes.versionOf(other)).isGreaterThan(otherBefore);
    }

    @Test
    void aChangeRolledBackLeavesTheCounterWhereItWas() {
        long before = changes.versionOf(owner);

        try {
            jdbi.useTransaction(h -> {
                h.execute("UPDATE users SET status = 'active' WHERE id = ?", owner);
                file(owner, "never");
                throw new IllegalStateException("rolled back");
            });
        } catch (IllegalStateException expected) {
            // the insert went with the transaction
        }

        assertThat(changes.versionOf(owner)).isEqualTo(before);
    }
}
