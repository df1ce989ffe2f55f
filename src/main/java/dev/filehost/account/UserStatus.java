package dev.filehost.account;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Only active accounts may sign in. */
public enum UserStatus {
    ACTIVE, PENDING, DISABLED, SUSPENDED;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<UserStatus> parse(String value) {
        return Arrays.stream(values()).filter(s -> s.value().equalsIgnoreCase(value)).findFirst();
    }
}
