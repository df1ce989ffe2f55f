package dev.filehost.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** The sign-ins of each account, kept for {@link #RETENTION}: what an operator looks at when helping a user. */
public final class SignInHistory {
    public static final Duration RETENTION = Duration.ofDays(90);
    public static final int MAX_SHOWN = 100;

    private final SignInRepository repository;
    private final Clock clock;

    public SignInHistory(SignInRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    void record(long userId, String ip, SignIn.Channel channel, boolean success) {
        repository.insert(userId, new SignIn(clock.millis(), ip, channel, success));
    }

    /** The user's latest {@link #MAX_SHOWN} sign-ins, newest first. */
    public List<SignIn> of(long userId) {
        return repository.latest(userId, MAX_SHOWN);
    }

    /** Forgets sign-ins older than the retention; the number forgotten. */
    public int prune() {
        return repository.deleteBefore(clock.millis() - RETENTION.toMillis());
    }
}
