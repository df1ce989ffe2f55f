package dev.filehost.auth;

import dev.filehost.core.Refusal;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * bcrypt from Spring Security's crypto module; never hand-rolled. It runs on a few threads of its
 * own with a short queue: a flood of sign-ins waits there, or is told to come back, instead of
 * taking every core from the other requests.
 */
public final class PasswordHasher implements AutoCloseable {
    private static final long BUSY_RETRY_SECONDS = 1;

    private final BCryptPasswordEncoder encoder;
    private final ThreadPoolExecutor pool;
    // Compared against when the user does not exist, so both paths cost the same time.
    private final String decoyHash;

    public PasswordHasher(int strength, int threads, int queued) {
        this.encoder = new BCryptPasswordEncoder(strength);
        this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queued),
                Thread.ofPlatform().name("bcrypt-", 0).daemon().factory());
        pool.allowCoreThreadTimeOut(true);
        this.decoyHash = encoder.encode(Secrets.randomAlphanumeric(24));
    }

    public String hash(String password) {
        return onPool(() -> encoder.encode(password));
    }

    /** Throws a 429 {@link Refusal} ("busy") when the queue is full. */
    public boolean matches(String password, String hash) {
        // bcrypt reads only the first 72 bytes; longer inputs are refused rather than truncated.
        if (password.getBytes(StandardCharsets.UTF_8).length > 72) {
            onPool(() -> encoder.matches("", decoyHash));
            return false;
        }
        return onPool(() -> encoder.matches(password, hash));
    }

    public void spendTimeAsIfChecking(String password) {
        matches(password, decoyHash);
    }

    private <T> T onPool(Supplier<T> work) {
        try {
            return CompletableFuture.supplyAsync(work, pool).join();
        } catch (RejectedExecutionException e) {
            throw Refusal.rateLimited(BUSY_RETRY_SECONDS);
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    @Override
    public void close() {
        pool.shutdown();
    }
}
