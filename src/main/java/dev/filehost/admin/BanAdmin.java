package dev.filehost.admin;

import dev.filehost.ban.Ban;
import dev.filehost.ban.BanScope;
import dev.filehost.ban.Bans;
import java.time.Duration;
import java.util.List;

/** Bans as the operator makes them, each recorded in the audit log. */
public final class BanAdmin {
    private final Bans bans;
    private final AuditLog audit;

    public BanAdmin(Bans bans, AuditLog audit) {
        this.bans = bans;
        this.audit = audit;
    }

    /** {@code lasting} null: until removed. */
    public Ban add(Actor actor, String addressOrRange, BanScope scope, Duration lasting, String note) {
        Ban ban = bans.add(addressOrRange, scope, lasting, note, actor.name());
        audit.record(actor, "ban.add", "ban " + ban.id(), ban.range() + " from " + ban.scope().value()
                + (lasting == null ? "" : " for " + lasting) + (ban.note() == null ? "" : ": " + ban.note()));
        return ban;
    }

    public List<Ban> list() {
        return bans.list();
    }

    public void remove(Actor actor, long id) {
        bans.remove(id);
        audit.record(actor, "ban.remove", "ban " + id, "removed");
    }
}
