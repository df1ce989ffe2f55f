package dev.filehost.site;

import dev.filehost.core.YesNo;
import java.util.Arrays;
import java.util.Optional;

/** A setting an operator may change while the site runs, with the values it takes. */
public enum SiteSetting {
    SITE_NAME("site-name") {
        @Override
        String checked(String value) {
            String name = value.strip();
            if (name.isEmpty() || name.length() > 100) {
                throw new IllegalArgumentException("site-name must be 1 to 100 characters");
            }
            return name;
        }
    },
    UPLOADS("uploads") {
        @Override
        String checked(String value) {
            return onOff(value, "uploads");
        }
    },
    REGISTRATION("registration") {
        @Override
        String checked(String value) {
            return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "open" -> "open";
                case "closed" -> "closed";
                default -> throw new IllegalArgumentException("registration must be open or closed");
            };
        }
    },
    MAINTENANCE("maintenance") {
        @Override
        String checked(String value) {
            return onOff(value, "maintenance");
        }
    },
    MAINTENANCE_MESSAGE("maintenance-message") {
        @Override
        String checked(String value) {
            String message = value.strip();
            if (message.isEmpty() || message.length() > 500) {
                throw new IllegalArgumentException("maintenance-message must be 1 to 500 characters");
            }
            return message;
        }
    };

    private final String key;

    SiteSetting(String key) {
        this.key = key;
    }

    public static Optional<SiteSetting> byKey(String key) {
        return Arrays.stream(values()).filter(setting -> setting.key.equals(key)).findFirst();
    }

    public String key() {
        return key;
    }

    /** The value as stored; throws IllegalArgumentException with what the setting takes. */
    abstract String checked(String value);

    private static String onOff(String value, String key) {
        return YesNo.parse(value.strip()).map(on -> on ? "on" : "off")
                .orElseThrow(() -> new IllegalArgumentException(key + " must be on or off"));
    }
}
