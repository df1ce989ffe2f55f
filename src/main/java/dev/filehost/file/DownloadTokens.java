package dev.filehost.file;

import dev.filehost.auth.Secrets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Download links: 64 hex characters, reusable until they expire, optionally only from the
 * address that asked for them. Links from the API work at once; a visitor's link from a file
 * page works after the package's wait.
 */
public final class DownloadTokens {
    private static final int TOKEN_BYTES = 32;

    private final DownloadTokenRepository repository;
    private final Clock clock;
    private final Duration lifetime;
    private final boolean lockedToAddress;

    public DownloadTokens(DownloadTokenRepository repository, Clock clock, Duration lifetime, boolean lockedToAddress) {
        this.repository = repository;
        this.clock = clock;
        this.lifetime = lifetime;
        this.lockedToAddress = lockedToAddress;
    }

    public String issue(StoredFile file, Long userId, String ip, Duration wait) {
        String token = Secrets.randomHex(TOKEN_BYTES);
        long now = clock.millis();
        repository.insert(Secrets.sha256Hex(token), file.id(), userId, ip, now, now + wait.toMillis(),
                now + lifetime.toMillis());
        return token;
    }

    /** The grant of a live token for this file and caller, if there is one. */
    public Optional<DownloadTokenRepository.Grant> redeem(String token, long fileId, String ip) {
        if (token == null || token.length() != TOKEN_BYTES * 2 || !token.matches("[0-9a-f]+")) {
            return Optional.empty();
        }
        long now = clock.millis();
        return repository.find(Secrets.sha256Hex(token))
                .filter(grant -> grant.fileId() == fileId)
                .filter(grant -> grant.expiresAt() > now)
                .filter(grant -> !lockedToAddress || ip.equals(grant.ip()));
    }

    public int purgeExpired() {
        return repository.deleteExpired(clock.millis());
    }
}
