package dev.filehost.web;

import java.util.Locale;

/** Sizes for people: "1.4 MB" (units of 1024, as file managers show them) and "1,453,221 bytes". */
public final class ByteSizes {
    private static final String[] UNITS = {"bytes", "KB", "MB", "GB", "TB", "PB", "EB"};

    private ByteSizes() {
    }

    public static String human(long bytes) {
        if (bytes < 1024) {
            return exact(bytes);
        }
        int unit = 0;
        double value = bytes;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, value < 10 ? "%.1f %s" : "%.0f %s", value, UNITS[unit]);
    }

    public static String exact(long bytes) {
        return String.format(Locale.ENGLISH, "%,d %s", bytes, bytes == 1 ? "byte" : "bytes");
    }
}
