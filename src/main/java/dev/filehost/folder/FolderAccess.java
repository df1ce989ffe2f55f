package dev.filehost.folder;

import dev.filehost.auth.Secrets;
import dev.filehost.core.Ids;
import dev.filehost.file.FileRepository;
import dev.filehost.file.ListedFile;
import dev.filehost.file.StoredFile;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who may open a folder's public page: nobody when the folder is effectively private (see
 * {@link FolderPrivacy#effective}); otherwise anyone who has answered the password of the folder
 * and of every folder above it that has one. Answers are remembered per visitor token.
 */
public final class FolderAccess {
    /** How long a right answer opens the folder at most; the visitor's cookie lasts the browser session. */
    static final Duration UNLOCK_LIFETIME = Duration.ofHours(12);
    private static final int VISITOR_TOKEN_BYTES = 32;
    private static final Pattern URL_HASH = Pattern.compile("[0-9a-f]{32}");

    private final FolderRepository folders;
    private final FolderUnlockRepository unlocks;
    private final FolderService listings;
    private final FileRepository files;
    private final Clock clock;

    public FolderAccess(FolderRepository folders, FolderUnlockRepository unlocks, FolderService listings,
                        FileRepository files, Clock clock) {
        this.folders = folders;
        this.unlocks = unlocks;
        this.listings = listings;
        this.files = files;
        this.clock = clock;
    }

    /** A visit of a public or unlisted folder; {@code lockedBy} is the next folder whose password is asked for. */
    public record Visit(Folder folder, Optional<Folder> lockedBy) {
        public boolean isOpen() {
            return lockedBy.isEmpty();
        }
    }

    /** The folder a page's path names: by its id, or by its url hash (the original's folder links use it). */
    public Optional<Long> folderIdOf(String segment) {
        return Ids.parse(segment).or(() -> URL_HASH.matcher(segment).matches()
                ? folders.idOfUrlHash(segment) : Optional.empty());
    }

    /** Empty when the folder's page is no one's to see; {@code visitor} is the visitor's token or null. */
    public Optional<Visit> visit(long folderId, String visitor) {
        List<Folder> chain = folders.chain(folderId);
        if (FolderPrivacy.effective(chain) == FolderPrivacy.PRIVATE) {
            return Optional.empty();
        }
        List<Long> withPassword = chain.stream().filter(Folder::hasPassword).map(Folder::id).toList();
        Map<Long, String> answered = isVisitorToken(visitor) && !withPassword.isEmpty()
                ? unlocks.answered(Secrets.sha256Hex(visitor), withPassword, clock.millis())
                : Map.of();
        // The topmost password first, so that a visitor answers them in the order of the path.
        Optional<Folder> locked = chain.reversed().stream()
                .filter(Folder::hasPassword)
                .filter(folder -> !Objects.equals(answered.get(folder.id()), folder.accessPassword()))
                .findFirst();
        return Optional.of(new Visit(chain.getFirst(), locked));
    }

    /** Checks a password against the folder that locks the visit; a right answer is remembered for the visitor. */
    public boolean unlock(Visit visit, String visitor, String typedPassword) {
        Folder lock = visit.lockedBy().orElseThrow();
        if (!isVisitorToken(visitor) || !AccessPasswords.matches(lock.accessPassword(), typedPassword)) {
            return false;
        }
        unlocks.save(Secrets.sha256Hex(visitor), lock.id(), lock.accessPassword(),
                clock.millis() + UNLOCK_LIFETIME.toMillis());
        return true;
    }

    /** What an open visit shows: the files, and the sub-folders that are not private themselves. */
    public FolderListing contents(Visit visit) {
        requireOpen(visit);
        FolderListing listing = listings.listing(visit.folder().userId(), visit.folder().id(), false);
        return new FolderListing(listing.folders().stream()
                .filter(summary -> summary.folder().privacy() != FolderPrivacy.PRIVATE).toList(),
                listing.files().stream().filter(ListedFile::ownFlagIsPublic).toList());
    }

    /** An active file of the visited folder itself, which an open visit may download. */
    public Optional<StoredFile> file(Visit visit, long fileId) {
        requireOpen(visit);
        return files.findById(fileId)
                .filter(file -> file.isActive() && file.ownFlagIsPublic())
                .filter(file -> Objects.equals(file.folderId(), visit.folder().id()));
    }

    private static void requireOpen(Visit visit) {
        if (!visit.isOpen()) {
            throw new IllegalStateException("folder " + visit.folder().id() + " is locked");
        }
    }

    public static String newVisitorToken() {
        return Secrets.randomHex(VISITOR_TOKEN_BYTES);
    }

    public static boolean isVisitorToken(String token) {
        return token != null && token.length() == VISITOR_TOKEN_BYTES * 2 && token.matches("[0-9a-f]+");
    }

    public int purgeExpired() {
        return unlocks.deleteExpired(clock.millis());
    }
}
