package dev.filehost.admin;

import dev.filehost.account.AccountPackage;
import dev.filehost.account.AnonymousOwner;
import dev.filehost.account.PackageRepository;
import dev.filehost.account.User;
import dev.filehost.account.UserRepository;
import dev.filehost.account.UserStatus;
import dev.filehost.auth.AccessTokens;
import dev.filehost.auth.ApiKeys;
import dev.filehost.auth.PasswordHasher;
import dev.filehost.auth.PasswordResets;
import dev.filehost.auth.Secrets;
import dev.filehost.auth.SignIn;
import dev.filehost.auth.SignInHistory;
import dev.filehost.auth.WebSessions;
import dev.filehost.folder.FolderService;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** What an operator does to accounts: create them, give keys, change fields; each change goes to the audit log. */
public final class UserAdmin {
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    private static final int MAX_EMAIL_LENGTH = 255;
    private static final String FREE_LEVEL = "free user";
    public static final int PAGE_SIZE = 50;

    private final UserRepository users;
    private final PackageRepository packages;
    private final PasswordHasher passwords;
    private final ApiKeys apiKeys;
    private final AccessTokens tokens;
    private final WebSessions sessions;
    private final SignInHistory signIns;
    private final PasswordResets resets;
    private final FolderService folders;
    private final Clock clock;
    private final AuditLog audit;

    public UserAdmin(UserRepository users, PackageRepository packages, PasswordHasher passwords, ApiKeys apiKeys,
                     AccessTokens tokens, WebSessions sessions, SignInHistory signIns, PasswordResets resets,
                     FolderService folders, Clock clock, AuditLog audit) {
        this.resets = resets;
        this.audit = audit;
        this.sessions = sessions;
        this.signIns = signIns;
        this.folders = folders;
        this.users = users;
        this.packages = packages;
        this.passwords = passwords;
        this.apiKeys = apiKeys;
        this.tokens = tokens;
        this.clock = clock;
    }

    public User add(Actor actor, String username, String password, String email, String packageRef) {
        AccountPackage pkg = findPackage(packageRef);
        User user = create(username, password, email, pkg);
        audit.record(actor, "user.add", username, "created with package " + pkg.label());
        return user;
    }

    private User create(String username, String password, String email, AccountPackage pkg) {
        if (!USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException(
                    "username must be 1 to 64 characters of letters, digits, '.', '_', '@' or '-'");
        }
        if (users.findByUsername(username).isPresent()) {
            throw new IllegalArgumentException("username '" + username + "' is taken");
        }
        long id = users.insert(username, passwords.hash(checkedPassword(password)), checkedEmail(email), pkg.id(),
                clock.millis());
        return users.findById(id).orElseThrow();
    }

    /** A visitor's own sign-up on the website: an active account on the first package of the free level. */
    public User signUp(String username, String password, String email) {
        if (checkedEmail(email) == null) {
            throw new IllegalArgumentException("email must be given");
        }
        AccountPackage free = packages.list().stream().filter(pkg -> FREE_LEVEL.equals(pkg.levelType())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no package of the level '" + FREE_LEVEL + "'"));
        return create(username, password, email, free);
    }

    public ApiKeys.KeyPair newKeys(Actor actor, String username) {
        ApiKeys.KeyPair keys = apiKeys.issue(changeable(username).id());
        audit.record(actor, "user.keys", username, "new API key pair");
        return keys;
    }

    public List<User> list() {
        return users.list();
    }

    /** One page of {@link #PAGE_SIZE} accounts, by id; page 1 is the first. */
    public record UserPage(List<User> users, int total, int page, int pages) {
    }

    /** The accounts whose name or email contains {@code text}, every account when it is blank. */
    public UserPage search(String text, int page) {
        int total = users.count(text);
        int pages = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int shown = Math.clamp(page, 1, pages);
        return new UserPage(users.search(text, (shown - 1) * PAGE_SIZE, PAGE_SIZE), total, shown, pages);
    }

    /** Whether an account has this name. */
    public Optional<User> lookup(String username) {
        return users.findByUsername(username);
    }

    /** A link that lets the account set a new password, to be mailed to its address. */
    public PasswordResets.Link resetLink(Actor actor, String username) {
        User user = find(username);
        if (user.email() == null || user.status() != UserStatus.ACTIVE) {
            throw new IllegalArgumentException("a reset link needs an active account with an email address");
        }
        PasswordResets.Link link = resets.issue(user);
        audit.record(actor, "user.reset-link", username, "password reset link issued for " + user.email());
        return link;
    }

    /** The account's latest sign-ins, newest first. */
    public List<SignIn> signIns(String username) {
        return signIns.of(find(username).id());
    }

    public User find(String username) {
        return users.findByUsername(username)
                .orElseThrow(() -> new IllegalArgumentException("no user '" + username + "'"));
    }

    /**
     * An operator's change of one field (see {@link #set(String, String, String)}), recorded in the audit log. A
     * new password also ends the account's website sessions: whoever knew the old one is signed out everywhere.
     */
    public void set(Actor actor, String username, String field, String value) {
        set(username, field, value);
        if (field.equals("password")) {
            sessions.endAll(find(username).id());
        }
        audit.record(actor, "user.set", username, field.equals("password") ? "password changed" : field + " = " + value);
    }

    /**
     * Sets one of: status, package, email, storageLimitOverride, password. Called alone for the account's own
     * change from its settings page, which is not an admin action.
     */
    public void set(String username, String field, String value) {
        User user = changeable(username);
        switch (field) {
            case "status" -> {
                UserStatus status = UserStatus.parse(value).orElseThrow(() -> new IllegalArgumentException(
                        "status must be one of active, pending, disabled, suspended"));
                users.updateStatus(user.id(), status);
                if (status != UserStatus.ACTIVE) {
                    tokens.revokeAll(user.id());
                }
            }
            case "package" -> users.updatePackage(user.id(), findPackage(value).id());
            case "email" -> users.updateEmail(user.id(), checkedEmail(value));
            case "storageLimitOverride" -> users.updateStorageLimitOverride(user.id(), optionalBytes(value));
            case "password" -> {
                users.updatePasswordHash(user.id(), passwords.hash(checkedPassword(value)));
                tokens.revokeAll(user.id());
            }
            default -> throw new IllegalArgumentException("unknown field '" + field
                    + "'; fields are status, package, email, storageLimitOverride, password");
        }
        tokens.forgetHoldersOf(user.id());
        sessions.forgetSessionsOf(user.id());
    }

    /** An account whose sign-in and limits may change: any but the owner of the files uploaded without one. */
    private User changeable(String username) {
        User user = find(username);
        if (AnonymousOwner.is(user)) {
            throw new IllegalArgumentException("'" + username + "' owns the files uploaded without an account; "
                    + "nobody may sign in as it, so it cannot be changed");
        }
        return user;
    }

    /** Ends every access token and website session of the account: its clients must sign in again. */
    public void endTokens(Actor actor, String username) {
        User user = find(username);
        sessions.endAll(user.id());
        tokens.revokeAll(user.id());
        tokens.forgetHoldersOf(user.id());
        audit.record(actor, "user.end-tokens", username, "all access tokens and website sessions ended");
    }

    /**
     * Deletes an account: it can no longer sign in (status disabled, a random password, no API keys, every
     * token and session ended, no email) and its folders and files go to the trash, which the trash purge
     * empties after the retention. The row stays, so the audit log and abuse reports still name it and
     * nobody else signs up with its name.
     */
    public void delete(Actor actor, String username) {
        User user = changeable(username);
        users.updateStatus(user.id(), UserStatus.DISABLED);
        users.updateEmail(user.id(), null);
        users.updatePasswordHash(user.id(), passwords.hash(Secrets.randomAlphanumeric(32)));
        apiKeys.remove(user.id());
        sessions.endAll(user.id());
        tokens.revokeAll(user.id());
        tokens.forgetHoldersOf(user.id());
        folders.trashEverythingOf(user.id());
        audit.record(actor, "user.delete", username, "account disabled; its folders and files moved to the trash");
    }

    public AccountPackage findPackage(String ref) {
        boolean numeric = !ref.isEmpty() && ref.chars().allMatch(c -> c >= '0' && c <= '9') && ref.length() < 18;
        return (numeric ? packages.findById(Long.parseLong(ref)) : packages.findByLabel(ref))
                .orElseThrow(() -> new IllegalArgumentException("no package '" + ref + "'"));
    }

    private static String checkedPassword(String password) {
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("password must not be empty");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > 72) {
            throw new IllegalArgumentException("password must be at most 72 bytes");
        }
        return password;
    }

    private static String checkedEmail(String email) {
        if (email == null || email.isBlank() || email.equalsIgnoreCase("null")) {
            return null;
        }
        if (email.length() > MAX_EMAIL_LENGTH || !email.contains("@") || email.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("email '" + email + "' is not an email address");
        }
        return email.strip();
    }

    private static Long optionalBytes(String value) {
        if (value.isBlank() || value.toLowerCase(Locale.ROOT).equals("null")) {
            return null;
        }
        try {
            long bytes = Long.parseLong(value.strip());
            if (bytes < 0) {
                throw new NumberFormatException();
            }
            return bytes;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("storageLimitOverride must be a number of bytes or null");
        }
    }
}
