package dev.filehost.migrate;

import dev.filehost.account.PackageField;
import dev.filehost.account.User;
import dev.filehost.account.UserStatus;
import dev.filehost.auth.LegacyPasswords;
import dev.filehost.db.Database;
import dev.filehost.db.UniqueViolation;
import dev.filehost.file.FileNames;
import dev.filehost.file.FileRepository;
import dev.filehost.file.ShortUrls;
import dev.filehost.file.TypeDetector;
import dev.filehost.folder.FolderPrivacy;
import dev.filehost.progress.Progress;
import dev.filehost.storage.BlobStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Brings a YetiShare site into filehost: packages, users (with their old password hashes), API
 * key pairs, folders, files and their bytes, and old short URLs. Rows keep their ids, so links
 * keep their codes; every step skips what an earlier run wrote, so a stopped run resumes.
 */
public final class YetiShareMigration {
    private static final int FILE_PAGE = 500;
    private static final Pattern MD5_HEX = Pattern.compile("[0-9a-f]{32}");
    private static final Map<String, String> LEVEL_TYPES = Map.of("admin", "admin", "free", "free user",
            "paid", "paid user", "moderator", "moderator", "nonuser", "guest");
    private static final long DEFAULT_PACKAGE = 1;
    static final String PRIVATE_FOLDER = "Private files (YetiShare)";
    static final String PROTECTED_FOLDER = "Protected files (YetiShare)";

    public record Options(String dbUrl, String dbUser, String dbPassword, Path filesDir, boolean dryRun,
                          boolean merge) {
    }

    private final Database database;
    private final BlobStore blobs;
    private final Clock clock;
    private final TypeDetector types = new TypeDetector();

    public YetiShareMigration(Database database, BlobStore blobs, Clock clock) {
        this.database = database;
        this.blobs = blobs;
        this.clock = clock;
    }

    public MigrationReport run(Options options, Progress progress) throws SQLException, IOException {
        if (!Files.isDirectory(options.filesDir())) {
            throw new IllegalArgumentException("--files " + options.filesDir() + " is not a directory");
        }
        try (YetiShareDatabase source = YetiShareDatabase.open(options.dbUrl(), options.dbUser(), options.dbPassword())) {
            FilehostTarget target = new FilehostTarget(database, clock);
            boolean resuming = target.hasImported(options.dbUrl());
            Run run = new Run(source, target, options, progress, resuming);
            run.checkTarget();
            if (!options.dryRun()) {
                target.markStarted(options.dbUrl(), clock.millis());
            }
            run.packages();
            run.users();
            run.apiKeys();
            run.folders();
            run.files();
            if (!options.dryRun()) {
                target.moveIdSequencesPastImportedRows();
                target.markFinished(options.dbUrl(), clock.millis());
            }
            progress.finish();
            return run.report;
        }
    }

    /** One run's state: the ids the target has (or, on a dry run, would have) so far. */
    private final class Run {
        private final YetiShareDatabase source;
        private final FilehostTarget target;
        private final Options options;
        private final Progress progress;
        private final boolean resuming;
        private final MigrationReport report;
        private final Set<Long> packages;
        private final Set<Long> users;
        private User anonymousOwner;
        private final Set<Long> folders;
        private final Set<Long> files;
        private final Map<Long, LegacyRows.User> oldUsers = new HashMap<>();

        Run(YetiShareDatabase source, FilehostTarget target, Options options, Progress progress,
            boolean resuming) {
            this.source = source;
            this.target = target;
            this.options = options;
            this.progress = progress;
            this.resuming = resuming;
            this.report = new MigrationReport(options.dryRun());
            this.packages = target.ids(FilehostTarget.Table.PACKAGES);
            this.users = target.ids(FilehostTarget.Table.USERS);
            this.folders = target.ids(FilehostTarget.Table.FOLDERS);
            this.files = target.ids(FilehostTarget.Table.FILES);
        }

        /** An earlier run of this site resumes; anything else in the target needs --merge and distinct ids. */
        void checkTarget() throws SQLException {
            if (resuming || !target.hasAccountsOrFiles()) {
                return;
            }
            if (!options.merge()) {
                throw new IllegalArgumentException("the filehost database already has accounts or files; import into "
                        + "an empty one, or give --merge to add the old site next to them (when no ids collide)");
            }
            List<String> collisions = new ArrayList<>();
            collide("users", source.users().stream().map(LegacyRows.User::id).collect(Collectors.toSet()), users,
                    collisions);
            collide("folders", source.folders().stream().map(LegacyRows.Folder::id).collect(Collectors.toSet()),
                    folders, collisions);
            collide("files", source.fileIds(), files, collisions);
            if (!collisions.isEmpty()) {
                throw new IllegalArgumentException("--merge refused: ids of the old site are taken in filehost: "
                        + String.join(", ", collisions));
            }
        }

        private static void collide(String kind, Set<Long> old, Set<Long> taken, List<String> out) {
            Set<Long> both = new HashSet<>(old);
            both.retainAll(taken);
            if (!both.isEmpty()) {
                out.add(both.size() + " " + kind + " (e.g. id " + both.stream().min(Long::compare).orElseThrow() + ")");
            }
        }

        void packages() throws SQLException {
            for (LegacyRows.Package old : source.packages()) {
                if (!old.unmapped().isEmpty()) {
                    report.note("package " + old.id() + " (" + old.label() + "): filehost has no field for "
                            + String.join(", ", old.unmapped()));
                }
                boolean exists = packages.contains(old.id());
                // Existing packages take the old site's limits on its first import only, and never in a merge.
                if (exists && (resuming || options.merge())) {
                    report.unchanged("packages");
                    continue;
                }
                report.imported("packages");
                packages.add(old.id());
                if (options.dryRun()) {
                    continue;
                }
                String levelType = LEVEL_TYPES.getOrDefault(old.levelType(), "free user");
                // A placeholder label first: the old one may be taken, which setPackage reports.
                target.insertPackage(old.id(), "YetiShare package " + old.id(), levelType);
                setPackage(old.id(), PackageField.LABEL, labelOf(old));
                setPackage(old.id(), PackageField.LEVEL_TYPE, levelType);
                setPackage(old.id(), PackageField.API_ACCESS, "guest".equals(levelType) ? 0 : 1);
                for (Map.Entry<String, Object> limit : old.limits().entrySet()) {
                    setPackage(old.id(), PackageField.byName(limit.getKey()).orElseThrow(), limit.getValue());
                }
            }
        }

        private static String labelOf(LegacyRows.Package old) {
            return old.label() == null || old.label().isBlank() ? "Package " + old.id() : old.label();
        }

        private void setPackage(long id, PackageField field, Object value) {
            try {
                target.setPackageField(id, field, value);
            } catch (RuntimeException e) {
                if (!UniqueViolation.causedBy(e)) {
                    throw e;
                }
                report.note("package " + id + ": " + field.column() + " " + value + " is taken by another package");
            }
        }

        void users() throws SQLException {
            List<LegacyRows.User> rows = source.users();
            progress.stage("users", rows.size(), 0);
            for (LegacyRows.User old : rows) {
                oldUsers.put(old.id(), old);
                user(old);
                progress.advance(0);
            }
        }

        private void user(LegacyRows.User old) {
            if (users.contains(old.id())) {
                report.unchanged("users");
                return;
            }
            if (old.username() == null || old.username().isBlank()) {
                report.skip("users", old.id(), "no username");
                return;
            }
            String hash = old.passwordHash() == null ? "" : old.passwordHash();
            if (!LegacyPasswords.isLegacy(hash)) {
                report.note("user " + old.id() + " (" + old.username() + "): password hash of an unknown kind; "
                        + "set a new password with `filehost user set " + old.username() + " password=...`");
            }
            long packageId = packages.contains(old.levelId()) ? old.levelId() : DEFAULT_PACKAGE;
            if (packageId != old.levelId()) {
                report.note("user " + old.id() + ": unknown level " + old.levelId() + ", given package " + packageId);
            }
            if (!options.dryRun() && !target.insertUser(old, status(old), packageId, clock.millis())) {
                report.skip("users", old.id(), "username " + old.username() + " is taken in filehost");
                return;
            }
            users.add(old.id());
            report.imported("users");
        }

        private String status(LegacyRows.User old) {
            String status = old.status() == null ? "" : old.status().toLowerCase(Locale.ROOT);
            if (status.equals("awaiting approval")) {
                return UserStatus.PENDING.value();
            }
            return UserStatus.parse(status).orElseGet(() -> {
                report.note("user " + old.id() + ": unknown status '" + old.status() + "', imported as disabled");
                return UserStatus.DISABLED;
            }).value();
        }

        /** filehost keeps one pair per account: the newest of the old site's. */
        void apiKeys() throws SQLException {
            Map<Long, LegacyRows.ApiKey> newest = new HashMap<>();
            for (LegacyRows.ApiKey key : source.apiKeys()) {
                LegacyRows.ApiKey earlier = newest.put(key.userId(), key);
                if (earlier != null) {
                    report.skip("api_keys", earlier.id(), "user " + key.userId() + " has a newer pair; filehost "
                            + "keeps one pair per account");
                }
            }
            for (LegacyRows.ApiKey key : newest.values().stream().sorted(Comparator.comparingLong(LegacyRows.ApiKey::id)).toList()) {
                if (!users.contains(key.userId())) {
                    report.skip("api_keys", key.id(), "user " + key.userId() + " was not imported");
                } else if (key.key1() == null || key.key2() == null) {
                    report.skip("api_keys", key.id(), "incomplete key pair");
                } else if (!options.dryRun() && target.hasApiKey(key.userId())) {
                    report.unchanged("api_keys");
                } else if (!options.dryRun() && !target.insertApiKey(key, clock.millis())) {
                    report.skip("api_keys", key.id(), "key1 is taken by another account in filehost");
                } else {
                    report.imported("api_keys");
                }
            }
        }

        void folders() throws SQLException {
            List<LegacyRows.Folder> rows = source.folders();
            Map<Long, LegacyRows.Folder> byId = rows.stream()
                    .collect(Collectors.toMap(LegacyRows.Folder::id, f -> f));
            progress.stage("folders", rows.size(), 0);
            for (LegacyRows.Folder old : parentsFirst(rows, byId)) {
                folder(old, byId);
                progress.advance(0);
            }
            if (!options.dryRun()) {
                // The holding folders of the files stage get new ids from the sequence.
                target.moveIdSequencesPastImportedRows();
            }
        }

        private List<LegacyRows.Folder> parentsFirst(List<LegacyRows.Folder> rows, Map<Long, LegacyRows.Folder> byId) {
            Map<Long, Integer> depth = new HashMap<>();
            for (LegacyRows.Folder folder : rows) {
                depth.put(folder.id(), depthOf(folder, byId));
            }
            return rows.stream().sorted(Comparator.comparingInt((LegacyRows.Folder f) -> depth.get(f.id()))
                    .thenComparingLong(LegacyRows.Folder::id)).toList();
        }

        /** Steps up to the root; a loop in the old data ends the walk instead of running forever. */
        private static int depthOf(LegacyRows.Folder folder, Map<Long, LegacyRows.Folder> byId) {
            int depth = 0;
            Set<Long> seen = new HashSet<>();
            LegacyRows.Folder current = folder;
            while (current.parentId() != null && byId.containsKey(current.parentId()) && seen.add(current.id())) {
                current = byId.get(current.parentId());
                depth++;
            }
            return depth;
        }

        private void folder(LegacyRows.Folder old, Map<Long, LegacyRows.Folder> byId) {
            if (folders.contains(old.id())) {
                report.unchanged("folders");
                return;
            }
            if (!users.contains(old.userId())) {
                report.skip("folders", old.id(), "owner " + old.userId() + " was not imported");
                return;
            }
            Long parent = old.parentId();
            if (parent != null && (!folders.contains(parent) || byId.get(parent).userId() != old.userId())) {
                report.note("folder " + old.id() + ": parent " + parent + " is not there; placed at the top");
                parent = null;
            }
            String password = old.accessPassword() == null ? null : old.accessPassword().toLowerCase(Locale.ROOT);
            // An account set to private on the old site hid all its folders.
            int privacy = oldUsers.get(old.userId()).isPublic() ? Math.clamp(old.isPublic(), 0, 2) : 0;
            if (password != null && !MD5_HEX.matcher(password).matches()) {
                report.note("folder " + old.id() + ": access password is not an MD5; the folder is made private");
                password = null;
                privacy = 0;
            }
            String name = FileNames.clean(old.name()).orElse("Folder " + old.id());
            if (!options.dryRun()) {
                target.insertFolder(old, parent, name, privacy, password, "trash".equals(old.status()), clock.millis());
            }
            folders.add(old.id());
            report.imported("folders");
        }

        void files() throws SQLException, IOException {
            YetiShareDatabase.Totals totals = source.fileTotals();
            long deleted = source.deletedFiles();
            if (deleted > 0) {
                report.note("files deleted on the old site, left out: " + deleted);
            }
            Map<Long, LegacyRows.Server> servers = source.servers();
            LegacyFileStore store = new LegacyFileStore(options.filesDir(), blobs, new FileRepository(database),
                    clock, options.dryRun());
            progress.stage("files", totals.files(), totals.bytes());
            long after = 0;
            List<LegacyRows.File> page;
            do {
                page = source.files(after, FILE_PAGE);
                for (LegacyRows.File old : page) {
                    long read = file(old, servers, store);
                    report.read(read);
                    progress.advance(read);
                    after = old.id();
                }
            } while (page.size() == FILE_PAGE);
        }

        /** Imports one file; the bytes read from the old store. */
        private long file(LegacyRows.File old, Map<Long, LegacyRows.Server> servers, LegacyFileStore store)
                throws IOException {
            if (files.contains(old.id())) {
                report.unchanged("files");
                return 0;
            }
            LegacyRows.Server server = old.serverId() == null ? null : servers.get(old.serverId());
            if (server != null && !server.isLocal()) {
                report.remote(new MigrationReport.RemoteFile(old.id(), server.id(), server.label(), server.type()));
                return 0;
            }
            if (old.userId() != null && !users.contains(old.userId())) {
                report.skip("files", old.id(), "owner " + old.userId() + " was not imported");
                return 0;
            }
            if (old.localFilePath() == null) {
                report.skip("files", old.id(), "no stored file recorded");
                return 0;
            }
            LegacyFileStore.Outcome outcome = store.bring(old.localFilePath(), old.md5());
            switch (outcome) {
                case LegacyFileStore.Missing missing -> {
                    report.skip("files", old.id(), "bytes missing: " + missing.path());
                    return 0;
                }
                case LegacyFileStore.Mismatch mismatch -> {
                    report.skip("files", old.id(), "content MD5 " + mismatch.actualMd5() + " is not the recorded "
                            + mismatch.expectedMd5() + " (" + old.localFilePath() + ")");
                    return 0;
                }
                case LegacyFileStore.Imported imported -> {
                    String name = FileNames.clean(old.name()).orElse("file-" + old.id());
                    Long folder = old.folderId() != null && folders.contains(old.folderId()) ? old.folderId() : null;
                    if (old.folderId() != null && folder == null) {
                        report.note("file " + old.id() + ": folder " + old.folderId() + " is not there; placed at the top");
                    }
                    if (!options.dryRun()) {
                        String mime = types.detect(store.head(old.localFilePath()), name);
                        String code = target.insertFile(old, ownerOf(old), keptPrivate(old, folder), name, mime,
                                imported.blob(), "trash".equals(old.status()), clock.millis());
                        if (old.shortUrl() != null && !old.shortUrl().equals(code)) {
                            report.note("file " + old.id() + ": old short URL " + old.shortUrl()
                                    + " belongs to another file here; this file's link is now " + code);
                        }
                    }
                    files.add(old.id());
                    report.imported("files");
                    return imported.blob().size();
                }
            }
        }

        /** The file's owner; files uploaded without an account belong to one account made for them. */
        private long ownerOf(LegacyRows.File old) {
            if (old.userId() != null) {
                return old.userId();
            }
            if (anonymousOwner == null) {
                // Made after the folders stage has moved the id sequences past the imported accounts.
                anonymousOwner = target.anonymousOwner();
                report.note("files uploaded without an account belong to the account \"" + anonymousOwner.username()
                        + "\" (id " + anonymousOwner.id() + "), which cannot sign in");
            }
            return anonymousOwner.id();
        }

        /**
         * The folder of an active file that was private or had its own password on the old site:
         * filehost keeps privacy and passwords per folder, so such a file moves into a top-level
         * folder that keeps it so ("Private files", or "Protected files" with the file's password).
         */
        private Long keptPrivate(LegacyRows.File old, Long folder) {
            if (!"active".equals(old.status())) {
                return folder;
            }
            String password = old.accessPassword() == null ? null : old.accessPassword().toLowerCase(Locale.ROOT);
            boolean ownerPrivate = old.userId() != null && !oldUsers.get(old.userId()).isPublic() && folder == null;
            boolean hidden = !old.isPublic() || ownerPrivate || (password != null && !MD5_HEX.matcher(password).matches());
            if (!hidden && password == null) {
                return folder;
            }
            String name = hidden ? PRIVATE_FOLDER : PROTECTED_FOLDER;
            report.note("file " + old.id() + ": " + (hidden ? "private" : "password-protected")
                    + " on the old site; moved into the owner's folder \"" + name + "\"");
            return target.holdingFolder(ownerOf(old), name, hidden ? FolderPrivacy.PRIVATE : FolderPrivacy.UNLISTED,
                    hidden ? null : password, clock.millis());
        }
    }
}
