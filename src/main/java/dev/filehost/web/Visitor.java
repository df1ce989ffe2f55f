package dev.filehost.web;

import dev.filehost.account.User;
import dev.filehost.auth.WebSession;
import java.util.Optional;

/** Who asks for a page: a signed-in session, or nobody yet. */
record Visitor(Optional<WebSession> session) {

    boolean signedIn() {
        return session.isPresent();
    }

    /** The signed-in user; only for routes that checked {@link #signedIn()}. */
    User user() {
        return session.orElseThrow().user();
    }
}
