package dev.filehost.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiscardsTest {
    @TempDir
    Path dir;

    @Test
    void aDiscardedFileIsGoneFromItsPlaceAtOnceAndFromTheDiskOnceClosed() throws Exception {
        Path run = Files.createDirectory(dir.resolve("run"));
        Path file = Files.writeString(dir.resolve("duplicate"), "bytes");

        try (Discards discards = new Discards(run)) {
            discards.discard(file);
            assertThat(file).doesNotExist();
        }

        try (var left = Files.list(run)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void aFileThatCannotJoinTheRunDirectoryIsDeletedAtOnce() throws Exception {
        Path file = Files.writeString(dir.resolve("duplicate"), "bytes");

        try (Discards discards = new Discards(dir.resolve("no-such-run"))) {
            discards.discard(file);
        }

        assertThat(file).doesNotExist();
    }
}
