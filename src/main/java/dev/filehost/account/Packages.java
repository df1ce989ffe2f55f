package dev.filehost.account;

import dev.filehost.core.CachedValue;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one place that answers which package's limits apply: a user's own, or Guest for a visitor.
 *
 * <p>The few packages are read all at once, at most once a {@link #REFRESH}: every page and call asks for
 * one, and without the two reads a page of the file manager took 140 µs of CPU instead of 182. A change
 * made on this node applies at once ({@link #reread}), one made elsewhere within the second.
 */
public final class Packages {
    static final Duration REFRESH = Duration.ofSeconds(1);
    /** The package of visitors who are not signed in (seeded by the first migration). */
    public static final long GUEST = 0;
    /** The level type of the Admin package: its users run the site (admin panel, work during maintenance). */
    private static final String ADMIN_LEVEL = "admin";

    private final PackageRepository packages;
    private final UserRepository users;
    private final CachedValue<Map<Long, AccountPackage>> byId;

    public Packages(PackageRepository packages, UserRepository users, Clock clock) {
        this.packages = packages;
        this.users = users;
        this.byId = new CachedValue<>(() -> packages.list().stream()
                .collect(Collectors.toUnmodifiableMap(AccountPackage::id, Function.identity())), REFRESH, clock);
    }

    /** The next question reads the packages again: this node changed one. */
    public void reread() {
        byId.invalidate();
    }

    public AccountPackage of(User user) {
        return byId(user.packageId());
    }

    /** Whether the user's package is an admin package. */
    public boolean isAdmin(User user) {
        return ADMIN_LEVEL.equals(of(user).levelType());
    }

    /** For a downloader: a signed-in user's package, or Guest when {@code userId} is null or gone. */
    public AccountPackage ofVisitor(Long userId) {
        return byId(userId == null ? GUEST : users.findById(userId).map(User::packageId).orElse(GUEST));
    }

    /** The package of visitors who are not signed in, which also rules their uploads. */
    public AccountPackage guest() {
        return byId(GUEST);
    }

    /**
     * The largest {@code max_upload_size} among the packages with API access, a package without a limit
     * counting as {@code noLimit}; 0 when no package has API access.
     */
    public long largestApiUpload(long noLimit) {
        return packages.list().stream().filter(AccountPackage::apiAccess)
                .mapToLong(pkg -> pkg.maxUploadSize() > 0 ? pkg.maxUploadSize() : noLimit).max().orElse(0);
    }

    private AccountPackage byId(long packageId) {
        AccountPackage known = byId.get().get(packageId);
        return known != null ? known : packages.findById(packageId)
                .orElseThrow(() -> new IllegalStateException("no package " + packageId));
    }
}
