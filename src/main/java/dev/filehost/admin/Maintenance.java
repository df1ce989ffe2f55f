package dev.filehost.admin;

import dev.filehost.account.Packages;
import dev.filehost.account.User;
import dev.filehost.site.SiteSettings;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Maintenance mode's one rule, for the API and the website alike: while it is on, the site is closed to
 * everyone but the users of an admin package, who need it to work and to switch maintenance off.
 */
public final class Maintenance {
    private final SiteSettings site;
    private final Packages packages;

    public Maintenance(SiteSettings site, Packages packages) {
        this.site = site;
        this.packages = packages;
    }

    /**
     * The operator's message when the site is closed to the user (empty: not signed in); else empty. The user
     * is asked for only in maintenance, so that an open site looks nobody up.
     */
    public Optional<String> closedTo(Supplier<Optional<User>> user) {
        SiteSettings.Current current = site.current();
        if (!current.maintenance() || user.get().filter(packages::isAdmin).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(current.maintenanceMessage());
    }
}
