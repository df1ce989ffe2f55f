package dev.filehost.admin;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where an abuse report stands: waiting, acted on by removing the file, or dismissed. */
public enum ReportStatus {
    OPEN, REMOVED, DISMISSED;

    public static Optional<ReportStatus> parse(String value) {
        return Arrays.stream(values()).filter(status -> status.value().equalsIgnoreCase(value.strip())).findFirst();
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
