package dev.filehost.admin;

import dev.filehost.site.SiteSettings;
import java.util.List;

/** Site settings as the operator changes them, each change recorded in the audit log. */
public final class SiteAdmin {
    private final SiteSettings settings;
    private final AuditLog audit;

    public SiteAdmin(SiteSettings settings, AuditLog audit) {
        this.settings = settings;
        this.audit = audit;
    }

    public List<SiteSettings.Shown> show() {
        return settings.show();
    }

    public SiteSettings.Change set(Actor actor, String key, String value) {
        SiteSettings.Change change = settings.set(key, value);
        audit.record(actor, "site.set", change.key(), change.before() + " -> " + change.after());
        return change;
    }
}
