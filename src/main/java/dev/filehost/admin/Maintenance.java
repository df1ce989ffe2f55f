package dev.filehost.admin;

import dev.filehost.account.Packages;
import dev.filehost.account.User;
import dev.filehost.site.SiteSettings;
import java.util.Optional;

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

    /** The operator's message when the site is closed to {@code user} (empty: not signed in); else empty. */
    public Optional<String> closedTo(Optional<User> user) {
        SiteSettings.Current current = site.current();
        if (!current.maintenance() || user.filter(packages::isAdmin).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(current.maintenanceMessage());
    }
}
