package dev.filehost.auth;

import dev.filehost.account.Packages;
import dev.filehost.account.User;
import dev.filehost.account.UserRepository;
import dev.filehost.account.UserStatus;
import dev.filehost.core.ErrorKind;
import dev.filehost.core.Ids;
import dev.filehost.core.RateLimiter;
import dev.filehost.core.Refusal;
import java.util.Optional;
import java.util.function.Consumer;

/** Signs users in with a key pair or a password and checks access tokens on every call. */
public final class AuthService {
    public static final String KEYS_REJECTED = "Could not authenticate user. The key pair may be invalid or your "
            + "account may be locked from too many failed logins.";
    public static final String PASSWORD_REJECTED = "Could not authenticate user. The username and password may be "
            + "invalid or your account may be locked from too many failed logins.";
    public static final String NO_API_ACCESS = "Your account level does not have access to the file upload API. "
            + "Please contact site support for more information.";
    public static final String TOKEN_REJECTED =
            "Could not validate access_token and account_id, please reauthenticate or try again.";

    private static final int MAX_USERNAME_LENGTH = 64;
    private static final int MAX_PASSWORD_LENGTH = 1024;

    private final UserRepository users;
    private final Packages packages;
    private final ApiKeyRepository apiKeys;
    private final AccessTokens tokens;
    private final LoginLockout lockout;
    private final PasswordHasher passwords;
    private final LegacyPasswords legacyPasswords;
    private final RateLimiter failedSignIns;
    private final SignInHistory history;

    public AuthService(UserRepository users, Packages packages, ApiKeyRepository apiKeys,
                       AccessTokens tokens, LoginLockout lockout, PasswordHasher passwords,
                       RateLimiter failedSignIns, SignInHistory history) {
        this.users = users;
        this.packages = packages;
        this.apiKeys = apiKeys;
        this.tokens = tokens;
        this.lockout = lockout;
        this.passwords = passwords;
        this.legacyPasswords = new LegacyPasswords(users, passwords);
        this.failedSignIns = failedSignIns;
        this.history = history;
    }

    public record Session(String accessToken, long accountId) {
    }

    /**
     * Key pairs are 128 random characters, too many to guess: no lockout holds them back, and only
     * wrong ones count against the address's failed sign-ins.
     */
    public Session authorizeWithKeys(String key1, String key2, String ip) {
        Refusal rejected = new Refusal(ErrorKind.UNAUTHORIZED, KEYS_REJECTED);
        Optional<User> user = apiKeys.findByKey1(key1)
                .filter(stored -> Secrets.constantTimeEquals(Secrets.sha256Hex(key2), stored.key2Hash()))
                .flatMap(stored -> users.findById(stored.userId()));
        if (user.isEmpty()) {
            long wait = failedSignIns.acquire(ip);
            throw wait > 0 ? Refusal.rateLimited(wait) : rejected;
        }
        admit(user.get(), ip, SignIn.Channel.API, rejected, () -> { }, this::requireApiAccess);
        return issueToken(user.get(), ip);
    }

    /** Every password attempt takes one of the address's failed sign-ins before bcrypt runs; success gives it back. */
    public Session authorizeWithPassword(String username, String password, String ip) {
        return issueToken(passwordHolder(username, password, ip, SignIn.Channel.API, this::requireApiAccess), ip);
    }

    /** The website's sign-in: the same limits, lockout and refusals as the API's, without asking for API access. */
    public User signInOnWebsite(String username, String password, String ip) {
        return passwordHolder(username, password, ip, SignIn.Channel.WEB, user -> { });
    }

    /** The check of a current password before a change, as the website's sign-in checks it; no sign-in of its own. */
    public User checkPassword(String username, String password, String ip) {
        return passwordHolder(username, password, ip, null, user -> { });
    }

    private User passwordHolder(String username, String password, String ip, SignIn.Channel channel,
                                Consumer<User> access) {
        long wait = failedSignIns.acquire(ip);
        if (wait > 0) {
            throw Refusal.rateLimited(wait);
        }
        User user = checkPassword(username, password, ip, channel, access);
        failedSignIns.release(ip);
        return user;
    }

    private User checkPassword(String username, String password, String ip, SignIn.Channel channel,
                               Consumer<User> access) {
        Refusal rejected = new Refusal(ErrorKind.UNAUTHORIZED, PASSWORD_REJECTED);
        if (username.length() > MAX_USERNAME_LENGTH || password.length() > MAX_PASSWORD_LENGTH) {
            throw rejected;
        }
        Optional<User> user = users.findByUsername(username);
        if (user.isEmpty()) {
            passwords.spendTimeAsIfChecking(password);
            throw rejected;
        }
        User found = user.get();
        boolean legacy = LegacyPasswords.isLegacy(found.passwordHash());
        // Checked before the lock, so a locked account answers as slowly as any other.
        boolean passwordMatches = legacy ? legacyPasswords.matches(found, password)
                : passwords.matches(password, found.passwordHash());
        admit(found, ip, channel, rejected, () -> {
            if (lockout.isLocked(found, ip)) {
                throw rejected;
            }
            if (!passwordMatches) {
                lockout.recordFailure(found, ip);
                throw rejected;
            }
        }, access);
        if (legacy) {
            legacyPasswords.upgrade(found, password);
        }
        return found;
    }

    /**
     * The one door of every sign-in of a known account, API or website: {@code proof} throws when the
     * credentials do not hold; then the account must be active and may use the channel. The outcome goes
     * to the sign-in history unless {@code channel} is null (a password check before a change).
     */
    private void admit(User user, String ip, SignIn.Channel channel, Refusal rejected, Runnable proof,
                       Consumer<User> access) {
        boolean admitted = false;
        try {
            proof.run();
            if (user.status() != UserStatus.ACTIVE) {
                throw rejected;
            }
            access.accept(user);
            lockout.recordSuccess(user, ip);
            admitted = true;
        } finally {
            if (channel != null) {
                history.record(user.id(), ip, channel, admitted);
            }
        }
    }

    private void requireApiAccess(User user) {
        if (!packages.of(user).apiAccess()) {
            throw new Refusal(ErrorKind.FORBIDDEN, NO_API_ACCESS);
        }
    }

    private Session issueToken(User user, String ip) {
        return new Session(tokens.issue(user.id(), ip), user.id());
    }

    /** The active user that owns this live token; renews the token. */
    public User authenticate(String accessToken, String accountId) {
        Refusal rejected = new Refusal(ErrorKind.UNAUTHORIZED, TOKEN_REJECTED);
        long userId = Ids.parse(accountId).orElseThrow(() -> rejected);
        return tokens.renew(accessToken, userId)
                .filter(holder -> holder.user().status() == UserStatus.ACTIVE && holder.packageHasApiAccess())
                .map(TokenHolder::user)
                .orElseThrow(() -> rejected);
    }

    /** As {@link #authenticate}, for callers that send only the token (an {@code Authorization: Bearer} header). */
    public User authenticateBearer(String accessToken) {
        long userId = tokens.holderId(accessToken)
                .orElseThrow(() -> new Refusal(ErrorKind.UNAUTHORIZED, TOKEN_REJECTED));
        return authenticate(accessToken, Long.toString(userId));
    }

    /** A wrong account or a token already gone is refused as the original refuses it, with the token error. */
    public void signOut(String accessToken, String accountId) {
        boolean revoked = Ids.parse(accountId).stream().anyMatch(userId -> tokens.revoke(accessToken, userId));
        if (!revoked) {
            throw new Refusal(ErrorKind.UNAUTHORIZED, TOKEN_REJECTED);
        }
    }
}
