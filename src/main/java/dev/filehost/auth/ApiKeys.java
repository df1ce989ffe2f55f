package dev.filehost.auth;

import java.time.Clock;

/** Issues key pairs: 64 characters each, key2 stored only as a hash. */
public final class ApiKeys {
    public static final int KEY_LENGTH = 64;

    private final ApiKeyRepository repository;
    private final Clock clock;

    public ApiKeys(ApiKeyRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    public record KeyPair(String key1, String key2) {
    }

    public boolean exists(long userId) {
        return repository.exists(userId);
    }

    /** The user's pair stops working. */
    public void remove(long userId) {
        repository.delete(userId);
    }

    /** A new pair for the user, replacing the old one; the only time key2 is visible. */
    public KeyPair issue(long userId) {
        KeyPair pair = new KeyPair(Secrets.randomAlphanumeric(KEY_LENGTH), Secrets.randomAlphanumeric(KEY_LENGTH));
        repository.replace(userId, pair.key1(), Secrets.sha256Hex(pair.key2()), clock.millis());
        return pair;
    }
}
