package dev.filehost.folder;

import dev.filehost.core.Ids;
import java.util.Optional;

/** A folder parameter: "", "0" and "null" mean the root (a null id); digits name a folder. */
public record FolderRef(Long id) {
    public static final FolderRef ROOT = new FolderRef(null);

    /** Empty when the value is neither the root nor a folder id. */
    public static Optional<FolderRef> parse(String raw) {
        if (raw == null || raw.isEmpty() || raw.equals("0") || raw.equalsIgnoreCase("null")) {
            return Optional.of(ROOT);
        }
        return Ids.parse(raw).map(FolderRef::new);
    }

    public boolean isRoot() {
        return id == null;
    }
}
