package dev.filehost.auth;

import dev.filehost.account.User;
import dev.filehost.account.UserRepository;
import java.time.Clock;
import java.time.Duration;

/**
 * Holds back password sign-ins after repeated failures. Failures lock one account for the address
 * they came from only, so a stranger cannot lock the owner out. Past a higher count from all
 * addresses together the account answers one password attempt a minute from any new address, which
 * stops distributed guessing yet frees the account a minute after the guessing stops; the address
 * the owner last signed in from is never held that way.
 */
public final class LoginLockout {
    private static final Duration ACCOUNT_PAUSE = Duration.ofMinutes(1);

    private final LoginFailureRepository failures;
    private final LoginLockRepository locks;
    private final UserRepository users;
    private final Clock clock;
    private final Limits limits;

    /** Failures from one address, and from all addresses, within {@code window} that hold the account back. */
    public record Limits(int addressAttempts, int accountAttempts, Duration window, Duration lockDuration) {
    }

    public LoginLockout(LoginFailureRepository failures, LoginLockRepository locks, UserRepository users,
                        Clock clock, Limits limits) {
        this.failures = failures;
        this.locks = locks;
        this.users = users;
        this.clock = clock;
        this.limits = limits;
    }

    public boolean isLocked(User user, String ip) {
        long now = clock.millis();
        return locks.isLocked(user.id(), ip, now) || isHeldForEveryAddress(user, ip, now);
    }

    private boolean isHeldForEveryAddress(User user, String ip, long now) {
        if (ip.equals(user.lastLoginIp())) {
            return false;
        }
        LoginFailureRepository.Recent recent = failures.recent(user.id(), now - limits.window().toMillis());
        return recent.count() >= limits.accountAttempts() && recent.latestAt() > now - ACCOUNT_PAUSE.toMillis();
    }

    public void recordFailure(User user, String ip) {
        long now = clock.millis();
        int fromAddress = failures.recordAndCount(user.id(), ip, now, now - limits.window().toMillis());
        if (fromAddress >= limits.addressAttempts()) {
            locks.lock(user.id(), ip, now + limits.lockDuration().toMillis(), now);
        }
    }

    public void recordSuccess(User user, String ip) {
        failures.clear(user.id(), ip);
        users.recordLogin(user.id(), clock.millis(), ip);
    }
}
