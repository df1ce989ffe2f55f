package dev.filehost.auth;

import dev.filehost.account.User;
import dev.filehost.account.UserRepository;
import java.time.Clock;
import java.time.Duration;

/** Locks an account for a while after repeated failed sign-ins; each account counts alone. */
public final class LoginLockout {
    private final LoginFailureRepository failures;
    private final UserRepository users;
    private final Clock clock;
    private final int attempts;
    private final Duration window;
    private final Duration lockDuration;

    public LoginLockout(LoginFailureRepository failures, UserRepository users, Clock clock,
                        int attempts, Duration window, Duration lockDuration) {
        this.failures = failures;
        this.users = users;
        this.clock = clock;
        this.attempts = attempts;
        this.window = window;
        this.lockDuration = lockDuration;
    }

    public boolean isLocked(User user) {
        return user.isLockedAt(clock.millis());
    }

    public void recordFailure(User user, String ip) {
        long now = clock.millis();
        int recent = failures.recordAndCount(user.id(), ip, now, now - window.toMillis());
        if (recent >= attempts) {
            users.lockUntil(user.id(), now + lockDuration.toMillis());
            failures.clear(user.id());
        }
    }

    public void recordSuccess(User user, String ip) {
        failures.clear(user.id());
        users.recordLogin(user.id(), clock.millis(), ip);
    }
}
