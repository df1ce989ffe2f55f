package dev.filehost.admin;

import dev.filehost.account.User;
import dev.filehost.account.UserRepository;
import dev.filehost.file.FileRepository;
import dev.filehost.file.FileService;
import dev.filehost.file.StoredFile;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Files as the operator handles them: who owns them, and sending any account's files to the trash, audited. */
public final class FileAdmin {
    private final FileRepository files;
    private final FileService fileService;
    private final UserRepository users;
    private final AuditLog audit;

    public FileAdmin(FileRepository files, FileService fileService, UserRepository users, AuditLog audit) {
        this.files = files;
        this.fileService = fileService;
        this.users = users;
        this.audit = audit;
    }

    /** The usernames of the files' owners, by user id. */
    public Map<Long, String> ownerNames(Collection<StoredFile> shown) {
        return shown.stream().map(StoredFile::userId).distinct()
                .flatMap(id -> users.findById(id).stream())
                .collect(Collectors.toMap(User::id, User::username, (a, b) -> a));
    }

    /** Sends the active files among {@code ids} to the trash, where the purge takes them; the number trashed. */
    public int trash(Actor actor, List<Long> ids) {
        List<StoredFile> active = ids.stream().distinct().map(files::findById).flatMap(Optional::stream)
                .filter(StoredFile::isActive).toList();
        active.forEach(fileService::trash);
        if (!active.isEmpty()) {
            audit.record(actor, "file.trash", active.size() == 1 ? "file " + active.getFirst().id()
                            : active.size() + " files",
                    active.stream().map(file -> file.id() + " " + file.name())
                            .collect(Collectors.joining(", ", "to the trash: ", "")));
        }
        return active.size();
    }

    /** Looks the files up by id, for pages that list them beside other things. */
    public Map<Long, StoredFile> byId(Collection<Long> ids) {
        return ids.stream().distinct().map(files::findById).flatMap(Optional::stream)
                .collect(Collectors.toMap(StoredFile::id, Function.identity()));
    }
}
