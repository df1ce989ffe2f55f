package dev.filehost.account;

/** The one place that answers which package's limits apply: a user's own, or Guest for a visitor. */
public final class Packages {
    /** The package of visitors who are not signed in (seeded by the first migration). */
    public static final long GUEST = 0;
    /** The level type of the Admin package: its users run the site (admin panel, work during maintenance). */
    private static final String ADMIN_LEVEL = "admin";

    private final PackageRepository packages;
    private final UserRepository users;

    public Packages(PackageRepository packages, UserRepository users) {
        this.packages = packages;
        this.users = users;
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

    /**
     * The largest {@code max_upload_size} among the packages with API access, a package without a limit
     * counting as {@code noLimit}; 0 when no package has API access.
     */
    public long largestApiUpload(long noLimit) {
        return packages.list().stream().filter(AccountPackage::apiAccess)
                .mapToLong(pkg -> pkg.maxUploadSize() > 0 ? pkg.maxUploadSize() : noLimit).max().orElse(0);
    }

    private AccountPackage byId(long packageId) {
        return packages.findById(packageId).orElseThrow(() -> new IllegalStateException("no package " + packageId));
    }
}
