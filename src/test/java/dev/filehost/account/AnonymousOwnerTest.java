package dev.filehost.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filehost.db.Database;
import dev.filehost.support.TempDirs;
import dev.filehost.support.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/** The one account of files uploaded without an account, on a new installation and on one a YetiShare import made. */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"sqlite", "postgresql"})
class AnonymousOwnerTest {
    @Parameter
    String kind;

    private Path dir;
    private TestDatabase database;
    private Jdbi jdbi;

    @BeforeEach
    void open() throws Exception {
        dir = Files.createTempDirectory("anonymous-owner");
        database = TestDatabase.create(kind, dir);
        jdbi = Jdbi.create(database.url(), database.user(), "");
    }

    @AfterEach
    void close() throws Exception {
        database.close();
        TempDirs.deleteTree(dir);
    }

    private Flyway migrationsUpTo(String version) {
        var migrations = Database.migrations(kind.equals("postgresql")).dataSource(database.url(), database.user(), "");
        return (version == null ? migrations : migrations.target(version)).load();
    }

    private AnonymousOwner owner() {
        return new AnonymousOwner(new UserRepository(jdbi), Clock.systemUTC());
    }

    @Test
    void itIsMadeOnceOnFirstUseDisabledInTheGuestPackage() {
        migrationsUpTo(null).migrate();
        long person = new UserRepository(jdbi).insert("someone", "hash", null, 1, 1L);

        User made = owner().account();
        User found = owner().account();

        assertThat(found.id()).isEqualTo(made.id()).isNotEqualTo(person);
        assertThat(made.username()).isEqualTo(AnonymousOwner.USERNAME);
        assertThat(made.status()).isEqualTo(UserStatus.DISABLED);
        assertThat(made.packageId()).isZero();
        assertThat(made.passwordHash()).isEqualTo("!");
        assertThat(AnonymousOwner.is(made)).isTrue();
    }

    @Test
    void theAccountAnEarlierImportMadeKeepsItsFilesUnderTheNewName() {
        migrationsUpTo("15").migrate();
        jdbi.useHandle(h -> h.execute("""
                INSERT INTO users (id, username, password_hash, package_id, status, created_at)
                VALUES (7, 'yetishare-anonymous', '!', 0, 'active', 1)"""));
        jdbi.useHandle(h -> h.execute("""
                INSERT INTO users (id, username, password_hash, package_id, status, created_at)
                VALUES (8, 'yetishare-anonymous2', '$2a$10$abcdefghijklmnopqrstuv', 1, 'active', 1)"""));

        migrationsUpTo(null).migrate();
        User owner = owner().account();

        assertThat(owner.id()).isEqualTo(7);
        assertThat(owner.status()).isEqualTo(UserStatus.DISABLED);
        assertThat(new UserRepository(jdbi).findById(8).orElseThrow().username()).isEqualTo("yetishare-anonymous2");
    }
}
