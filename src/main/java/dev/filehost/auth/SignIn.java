package dev.filehost.auth;

import java.util.Locale;

/** One sign-in of an account: when (epoch millis), from where, through what, and whether it was admitted. */
public record SignIn(long at, String ip, Channel channel, boolean success) {

    /** Where the sign-in came in. */
    public enum Channel {
        API, WEB;

        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
