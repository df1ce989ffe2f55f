package dev.filehost.app;

import dev.filehost.account.Packages;
import dev.filehost.account.User;
import dev.filehost.ban.BanScope;
import dev.filehost.ban.Bans;
import dev.filehost.core.ErrorKind;
import dev.filehost.core.Refusal;
import dev.filehost.http.CallGate;
import dev.filehost.site.SiteSettings;

/**
 * The API's gate: an address banned from the whole site is refused every call; in maintenance every signed-in
 * caller but an admin is refused with the operator's message. Sign-in itself stays open so admins can work.
 */
final class ApiGate implements CallGate<User> {
    private final Bans bans;
    private final SiteSettings site;
    private final Packages packages;

    ApiGate(Bans bans, SiteSettings site, Packages packages) {
        this.bans = bans;
        this.site = site;
        this.packages = packages;
    }

    @Override
    public void enter(String ip) {
        bans.refuse(ip, BanScope.SITE);
    }

    @Override
    public void signedIn(User caller) {
        SiteSettings.Current current = site.current();
        if (current.maintenance() && !packages.isAdmin(caller)) {
            throw new Refusal(ErrorKind.FORBIDDEN, current.maintenanceMessage());
        }
    }
}
