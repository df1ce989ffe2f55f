package dev.filehost.admin;

import dev.filehost.account.User;
import dev.filehost.account.UserRepository;
import dev.filehost.auth.ApiKeys;
import dev.filehost.auth.Secrets;
import java.util.Optional;

/** On first start with no accounts, creates the admin account and its key pair. */
public final class AdminBootstrap {
    public static final String ADMIN_USERNAME = "admin";
    private static final String ADMIN_PACKAGE = "20";
    private static final Actor FIRST_START = new Actor("first start", "local");

    public record AdminCredentials(long accountId, String username, String password, ApiKeys.KeyPair keys) {
    }

    private final UserRepository users;
    private final UserAdmin admin;

    public AdminBootstrap(UserRepository users, UserAdmin admin) {
        this.users = users;
        this.admin = admin;
    }

    /** The new admin's credentials, or empty when accounts already exist. */
    public Optional<AdminCredentials> createAdminIfNoAccounts() {
        if (!users.isEmpty()) {
            return Optional.empty();
        }
        String password = Secrets.randomAlphanumeric(20);
        User user;
        try {
            user = admin.add(FIRST_START, ADMIN_USERNAME, password, null, ADMIN_PACKAGE);
        } catch (RuntimeException e) {
            // Another node created it at the same moment.
            if (users.findByUsername(ADMIN_USERNAME).isPresent()) {
                return Optional.empty();
            }
            throw e;
        }
        return Optional.of(new AdminCredentials(user.id(), user.username(), password, admin.newKeys(FIRST_START, ADMIN_USERNAME)));
    }
}
