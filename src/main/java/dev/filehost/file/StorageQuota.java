package dev.filehost.file;

import dev.filehost.account.AccountPackage;
import dev.filehost.account.PackageRepository;
import dev.filehost.account.User;
import dev.filehost.account.UserRepository;
import dev.filehost.core.Refusal;
import java.time.Clock;

/**
 * The storage quota: the bytes of active files an account may keep, its own override or else its
 * package's maximum. Every new file, uploaded or copied, is added through here, and every file restored from
 * the trash comes back through here.
 */
public final class StorageQuota {
    private final FileRepository files;
    private final UserRepository users;
    private final PackageRepository packages;
    private final Clock clock;

    public StorageQuota(FileRepository files, UserRepository users, PackageRepository packages, Clock clock) {
        this.files = files;
        this.users = users;
        this.packages = packages;
        this.clock = clock;
    }

    /** What the user stores, against what the package allows (0: no limit). */
    public record Usage(long usedBytes, long allowedBytes) {
    }

    public Usage usage(User user, AccountPackage pkg) {
        return new Usage(usedBytes(user.id()), allowedBytes(user, pkg));
    }

    /** The bytes of the user's active files. */
    public long usedBytes(long userId) {
        return files.usedBytes(userId);
    }

    /** Bytes the user may still store (negative when over); Long.MAX_VALUE without a quota. */
    public long remaining(User user, AccountPackage pkg) {
        long allowed = allowedBytes(user, pkg);
        return allowed <= 0 ? Long.MAX_VALUE : allowed - usedBytes(user.id());
    }

    /**
     * Adds the file row if it fits in its owner's quota, checked atomically with every other
     * upload and copy of the account, or refuses with the upload's quota error.
     */
    public StoredFile add(NewFile file, FileRepository.Naming naming) {
        return files.insert(file, clock.millis(), naming, allowedBytesOf(file.userId()))
                .orElseThrow(StorageQuota::full);
    }

    /** Brings a trashed file back into {@code folderId} if it fits in its owner's quota, or refuses as an upload is. */
    public void restore(StoredFile file, Long folderId) {
        if (!files.restore(file, folderId, allowedBytesOf(file.userId()))) {
            throw full();
        }
    }

    /** The refusal of a file the quota has no room for. */
    public static Refusal full() {
        return UploadRules.refusal(UploadRules.QUOTA_FULL);
    }

    private long allowedBytesOf(long userId) {
        User owner = users.findById(userId).orElseThrow();
        return allowedBytes(owner, packages.findById(owner.packageId()).orElseThrow());
    }

    /** The bytes the user may keep: 0 or less, no limit. */
    public static long allowedBytes(User user, AccountPackage pkg) {
        Long override = user.storageLimitOverride();
        return override != null ? override : pkg.maxStorageBytes();
    }
}
