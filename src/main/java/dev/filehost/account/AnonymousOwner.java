package dev.filehost.account;

import java.time.Clock;

/**
 * The one account that owns the files uploaded without an account: guests' uploads from the website and
 * the files an imported site took without one. It is made on first use, in the Guest package, disabled,
 * with no password, email or keys, so nobody signs in as it and nobody but an operator sees its files.
 * Its name has characters no sign-up allows, so no person can hold it.
 */
public final class AnonymousOwner {
    public static final String USERNAME = "(anonymous)";

    private final UserRepository users;
    private final Clock clock;
    private volatile User account;

    public AnonymousOwner(UserRepository users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    /** The account, made now if there is none (another node may make it at the same moment). */
    public User account() {
        User known = account;
        if (known == null) {
            if (users.findByUsername(USERNAME).isEmpty()) {
                users.insertWithoutSignIn(USERNAME, Packages.GUEST, clock.millis());
            }
            known = users.findByUsername(USERNAME).orElseThrow();
            account = known;
        }
        return known;
    }

    public static boolean is(User user) {
        return USERNAME.equals(user.username());
    }
}
