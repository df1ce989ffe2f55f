package dev.filehost.tus;

import dev.filehost.account.User;
import java.util.Objects;

/**
 * Who calls the resumable endpoint: an account by its access token, or a visitor by a guest grant. A guest's
 * uploads belong to the anonymous owner and answer only to the grant that made them.
 *
 * @param guestGrant the SHA-256 of the visitor's grant; null for an account
 */
record TusCaller(User user, String guestGrant) {

    static TusCaller account(User user) {
        return new TusCaller(user, null);
    }

    boolean isGuest() {
        return guestGrant != null;
    }

    boolean made(TusUpload upload) {
        return upload.userId() == user.id() && Objects.equals(upload.guestGrant(), guestGrant);
    }
}
