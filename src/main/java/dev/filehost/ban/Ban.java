package dev.filehost.ban;

import dev.filehost.net.CidrRange;

/** A range of addresses kept from {@code scope} until {@code expiresAt} (epoch millis; null: for good). */
public record Ban(long id, CidrRange range, BanScope scope, String note, String createdBy, long createdAt,
                  Long expiresAt) {

    public boolean isActive(long now) {
        return expiresAt == null || expiresAt > now;
    }
}
