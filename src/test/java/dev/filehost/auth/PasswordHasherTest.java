package dev.filehost.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filehost.core.ErrorKind;
import dev.filehost.core.Refusal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    @Test
    void checksPasswordsOnItsOwnThreads() {
        try (PasswordHasher hasher = new PasswordHasher(4, 1, 1)) {
            String hash = hasher.hash("secret");

            assertThat(hasher.matches("secret", hash)).isTrue();
            assertThat(hasher.matches("Secret", hash)).isFalse();
            assertThat(hasher.matches("x".repeat(73), hash)).isFalse();
        }
    }

    /** One thread and one queued check: of many checks at once the rest are told to come back. */
    @Test
    void aFullQueueAnswersBusyInsteadOfPilingUp() throws Exception {
        try (PasswordHasher hasher = new PasswordHasher(12, 1, 1)) {
            String hash = hasher.hash("secret");
            List<Future<Boolean>> checks = new ArrayList<>();
            try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < 8; i++) {
                    checks.add(callers.submit(() -> hasher.matches("secret", hash)));
                }
            }
            int checked = 0;
            int busy = 0;
            for (Future<Boolean> check : checks) {
                try {
                    assertThat(check.get()).isTrue();
                    checked++;
                } catch (java.util.concurrent.ExecutionException e) {
                    Refusal refusal = (Refusal) e.getCause();
                    assertThat(refusal.kind()).isEqualTo(ErrorKind.TOO_MANY_REQUESTS);
                    assertThat(refusal.retryAfterSeconds()).isPositive();
                    busy++;
                }
            }
            assertThat(checked).isBetween(1, 7);
            assertThat(busy).isEqualTo(8 - checked);
        }
    }
}
