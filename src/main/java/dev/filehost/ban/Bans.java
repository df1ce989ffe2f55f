package dev.filehost.ban;

import dev.filehost.core.CachedValue;
import dev.filehost.core.Refusal;
import dev.filehost.net.CidrRange;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Address bans, kept in the database so every node enforces them. Each node reads the active ones at most
 * every {@link #REFRESH}: a ban made on another node applies there within that time, on this one at once.
 */
public final class Bans {
    public static final Duration REFRESH = Duration.ofSeconds(10);
    private static final int MAX_NOTE = 1000;

    private final BanRepository repository;
    private final Clock clock;
    private final CachedValue<List<Ban>> active;

    public Bans(BanRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
        this.active = new CachedValue<>(() -> repository.active(clock.millis()), REFRESH, clock);
    }

    /** Bans {@code addressOrRange} (an address or CIDR range); {@code lasting} null: until removed. */
    public Ban add(String addressOrRange, BanScope scope, Duration lasting, String note, String createdBy) {
        CidrRange range;
        try {
            range = CidrRange.parse(addressOrRange);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + addressOrRange + "' is not an IP address or CIDR range");
        }
        if (lasting != null && (lasting.isNegative() || lasting.isZero())) {
            throw new IllegalArgumentException("a ban must last a positive time");
        }
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        if (cleanNote != null && cleanNote.length() > MAX_NOTE) {
            throw new IllegalArgumentException("the note must be at most " + MAX_NOTE + " characters");
        }
        long now = clock.millis();
        long id = repository.insert(range, scope, cleanNote, createdBy, now,
                lasting == null ? null : now + lasting.toMillis());
        active.invalidate();
        return new Ban(id, range, scope, cleanNote, createdBy, now, lasting == null ? null : now + lasting.toMillis());
    }

    public List<Ban> list() {
        return repository.list();
    }

    public void remove(long id) {
        if (!repository.delete(id)) {
            throw new IllegalArgumentException("no ban " + id);
        }
        active.invalidate();
    }

    /** The active ban that keeps {@code ip} from {@code action}, if any. */
    public Optional<Ban> banning(String ip, BanScope action) {
        Optional<InetAddress> address = ip == null ? Optional.empty() : CidrRange.literal(ip);
        if (address.isEmpty()) {
            return Optional.empty();
        }
        long now = clock.millis();
        return active.get().stream()
                .filter(ban -> ban.scope().covers(action) && ban.isActive(now) && ban.range().contains(address.get()))
                .findFirst();
    }

    /** Refuses {@code action} to a banned {@code ip}, in the words of the ban's scope. */
    public void refuse(String ip, BanScope action) {
        banning(ip, action).ifPresent(ban -> {
            throw Refusal.because(ban.scope());
        });
    }
}
