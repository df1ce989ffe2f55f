package dev.filehost.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.filehost.config.SettingSource;
import dev.filehost.config.Settings;
import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reused SQLite statements answer like fresh ones and leave no read transaction behind. */
class SqliteStatementCacheTest {
    private static final String BY_ID = "SELECT label FROM packages WHERE id = :id";

    @TempDir
    Path dir;
    private Database database;
    private Jdbi jdbi;

    @BeforeEach
    void open() {
        database = Database.open(Settings.from(SettingSource.load(Optional.empty(),
                Map.of("FILEHOST_DATA", dir.toString()))));
        jdbi = database.jdbi();
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void theSameQueryWithOtherBindingsAnswersEachTime() {
        for (int round = 0; round < 3; round++) {
            assertThat(label(0)).contains("Guest");
            assertThat(label(-5)).isEmpty();
        }
    }

    @Test
    void aQueryRunAgainReusesItsStatement() {
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < 50; i++) {
            seen.add(statementOf(BY_ID));
        }
        // At most one statement per pooled connection.
        assertThat(seen).hasSizeLessThanOrEqualTo(8);
    }

    @Test
    void aQueryRunInsideTheIterationOfTheSameQueryGetsItsOwnStatement() {
        List<String> pairs = jdbi.withHandle(h -> h.createQuery("SELECT id FROM packages ORDER BY id")
                .mapTo(Long.class).stream()
                .map(id -> id + "=" + h.createQuery("SELECT id FROM packages ORDER BY id").mapTo(Long.class).list().size())
                .toList());
        assertThat(pairs).hasSizeGreaterThan(1).allSatisfy(pair -> assertThat(pair).endsWith("=" + pairs.size()));
    }

    @Test
    void aFailedStatementIsReusableAfterwards() {
        jdbi.useHandle(h -> {
            assertThatThrownBy(() -> h.createUpdate("INSERT INTO packages (id, label) VALUES (:id, :label)")
                            .bind("id", 0).bind("label", "duplicate id").execute())
                    .isInstanceOf(Exception.class);
        });
        assertThat(label(0)).contains("Guest");
    }

    @Test
    void cachedReadsLeaveNoSnapshotThatBlocksACheckpoint() {
        for (int i = 0; i < 20; i++) {
            label(0);
        }
        jdbi.useTransaction(h -> h.createUpdate("UPDATE packages SET label = :label WHERE id = 0")
                .bind("label", "Visitor").execute());
        // busy = 0 and every WAL frame checkpointed: no connection holds an open read.
        List<Long> checkpoint = jdbi.withHandle(h -> h.createQuery("PRAGMA wal_checkpoint(TRUNCATE)")
                .map((rs, ctx) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3))).one());
        assertThat(checkpoint.get(0)).isZero();
        assertThat(label(0)).contains("Visitor");
    }

    private Object statementOf(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).bind("id", 0).map((rs, ctx) -> ctx.getStatement()).one());
    }

    private Optional<String> label(long id) {
        return jdbi.withHandle(h -> h.createQuery(BY_ID).bind("id", id).mapTo(String.class).findOne());
    }
}
