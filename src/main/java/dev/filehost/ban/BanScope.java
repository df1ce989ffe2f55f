package dev.filehost.ban;

import dev.filehost.core.ErrorKind;
import dev.filehost.core.Refusal;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a ban keeps an address from: uploading, downloading, or the whole site (both and every API call). */
public enum BanScope implements Refusal.Reason {
    UPLOAD("Uploads from your address are blocked by the site's administrator."),
    DOWNLOAD("Downloads to your address are blocked by the site's administrator."),
    SITE("Your address is blocked from this site by its administrator.");

    private final String text;

    BanScope(String text) {
        this.text = text;
    }

    public static Optional<BanScope> parse(String value) {
        return Arrays.stream(values()).filter(scope -> scope.value().equalsIgnoreCase(value.strip())).findFirst();
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when a ban of this scope keeps its addresses from {@code action}. */
    public boolean covers(BanScope action) {
        return this == SITE || this == action;
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.FORBIDDEN;
    }

    @Override
    public String text() {
        return text;
    }
}
