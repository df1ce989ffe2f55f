package dev.filehost.account;

/** An account as stored; times are epoch milliseconds, null where never set. */
public record User(
        long id,
        String username,
        String passwordHash,
        String email,
        long packageId,
        UserStatus status,
        String title,
        String firstname,
        String lastname,
        int languageId,
        long createdAt,
        Long lastLoginAt,
        String lastLoginIp,
        Long lastPaymentAt,
        Long paidExpiryAt,
        Long storageLimitOverride) {
}
