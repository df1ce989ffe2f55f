package dev.filehost.auth;

import dev.filehost.account.User;
import dev.filehost.account.UserRepository;
import dev.filehost.account.UserStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Links that let the owner of an email address set a new password, valid for an hour and used once. */
public final class PasswordResets {
    public static final Duration LIFETIME = Duration.ofHours(1);
    private static final int SECRET_LENGTH = 48;

    private final PasswordResetRepository repository;
    private final UserRepository users;
    private final Clock clock;

    public PasswordResets(PasswordResetRepository repository, UserRepository users, Clock clock) {
        this.repository = repository;
        this.users = users;
        this.clock = clock;
    }

    /** A link's secret that only this user will be sent. */
    public record Link(User user, String secret) {
    }

    /** One new link for each active account with this address; none when no account has it. */
    public List<Link> issue(String email) {
        return users.findActiveByEmail(email).stream().map(this::issue).toList();
    }

    /** A new link for this account, which an admin has it sent. */
    public Link issue(User user) {
        String secret = Secrets.randomAlphanumeric(SECRET_LENGTH);
        repository.insert(Secrets.sha256Hex(secret), user.id(), clock.millis() + LIFETIME.toMillis());
        return new Link(user, secret);
    }

    /** The active user a live link resets, without using it up. */
    public Optional<User> holder(String secret) {
        if (!Secrets.isAlphanumeric(secret, SECRET_LENGTH)) {
            return Optional.empty();
        }
        return repository.userOf(Secrets.sha256Hex(secret), clock.millis()).flatMap(users::findById)
                .filter(user -> user.status() == UserStatus.ACTIVE);
    }

    /** After the new password is set: the user's links are spent. */
    public void used(User user) {
        repository.deleteForUser(user.id());
    }

    public int purgeExpired() {
        return repository.deleteExpired(clock.millis());
    }
}
