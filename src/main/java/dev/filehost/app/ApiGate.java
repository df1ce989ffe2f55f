package dev.filehost.app;

import dev.filehost.account.User;
import dev.filehost.admin.Maintenance;
import dev.filehost.ban.BanScope;
import dev.filehost.ban.Bans;
import dev.filehost.core.ErrorKind;
import dev.filehost.core.Refusal;
import dev.filehost.http.CallGate;
import java.util.Optional;

/**
 * The API's gate: an address banned from the whole site is refused every call; in maintenance every signed-in
 * caller but an admin is refused with the operator's message. Sign-in itself stays open so admins can work.
 */
final class ApiGate implements CallGate<User> {
    private final Bans bans;
    private final Maintenance maintenance;

    ApiGate(Bans bans, Maintenance maintenance) {
        this.bans = bans;
        this.maintenance = maintenance;
    }

    @Override
    public void enter(String ip) {
        bans.refuse(ip, BanScope.SITE);
    }

    @Override
    public void signedIn(User caller) {
        maintenance.closedTo(() -> Optional.of(caller)).ifPresent(message -> {
            throw new Refusal(ErrorKind.FORBIDDEN, message);
        });
    }
}
