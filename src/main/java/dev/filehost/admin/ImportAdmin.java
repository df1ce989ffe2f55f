package dev.filehost.admin;

import dev.filehost.urlimport.ImportItem;
import dev.filehost.urlimport.ImportService;
import dev.filehost.urlimport.ImportStatus;
import java.util.List;

/** The URL import queue as the operator watches and cancels it, each cancel recorded in the audit log. */
public final class ImportAdmin {
    private final ImportService imports;
    private final AuditLog audit;

    public ImportAdmin(ImportService imports, AuditLog audit) {
        this.imports = imports;
        this.audit = audit;
    }

    /** The newest items; every status when {@code status} is null. */
    public List<ImportItem> recent(ImportStatus status, int limit) {
        return imports.recent(status, limit);
    }

    /** Cancels an unfinished import; a running download stops within a second. */
    public void cancel(Actor actor, long id) {
        if (!imports.cancel(id)) {
            throw new IllegalArgumentException("no unfinished import with id " + id);
        }
        audit.record(actor, "import.cancel", "import " + id, "cancelled");
    }
}
