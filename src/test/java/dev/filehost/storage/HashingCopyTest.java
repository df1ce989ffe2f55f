package dev.filehost.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HashingCopyTest {

    private static final int BUFFER = HashingCopy.LARGE_BUFFER;
    private static final int SMALL = HashingCopy.SMALL_BUFFER;
    private static final int GROW = (int) HashingCopy.GROW_AFTER;
    private static final int FAST = (int) HashingCopy.FAST_AFTER;

    @ParameterizedTest
    @ValueSource(ints = {0, 1, SMALL - 1, SMALL, SMALL + 1, BUFFER, GROW - 1, GROW, GROW + 1,
        GROW + 5 * BUFFER + 3, FAST - 1, FAST, FAST + 1, FAST + 2 * BUFFER + 3})
    void copiesAllBytesAndDigestsThemAcrossBufferBoundaries(int size) throws Exception {
        byte[] content = new byte[size];
        new Random(size).nextBytes(content);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        StoredBlob blob =
                HashingCopy.copy(new ByteArrayInputStream(content), out, WriteLimit.UNLIMITED);

        assertThat(out.toByteArray()).isEqualTo(content);
        assertThat(blob).isEqualTo(new StoredBlob(
                hex("SHA-256", content), hex("MD5", content), size));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, SMALL - 1, SMALL, SMALL + 1, GROW - 1, GROW, GROW + 1, GROW + 2 * BUFFER, FAST,
        FAST + BUFFER + 1})
    void acceptsExactlyTheLimitAndRejectsOneByteMore(int limit) throws Exception {
        WriteLimit writeLimit = WriteLimit.ofBytes(limit);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThat(HashingCopy.copy(new ByteArrayInputStream(new byte[limit]), out, writeLimit)
                .size()).isEqualTo(limit);
        assertThatThrownBy(() -> HashingCopy.copy(
                new ByteArrayInputStream(new byte[limit + 1]), out, writeLimit))
                .isInstanceOf(BlobTooLargeException.class);
    }

    @Test
    void aFailingWriteFailsTheCopy() {
        OutputStream fullDisk = new OutputStream() {
            private long written;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                written += length;
                if (written > GROW) {
                    throw new IOException("No space left on device");
                }
            }
        };

        assertThatThrownBy(() -> HashingCopy.copy(new ByteArrayInputStream(new byte[3 * GROW]), fullDisk,
                WriteLimit.UNLIMITED))
                .isInstanceOf(IOException.class).hasMessage("No space left on device");
    }

    private static String hex(String algorithm, byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content));
    }
}
