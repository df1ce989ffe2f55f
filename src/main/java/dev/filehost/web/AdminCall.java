package dev.filehost.web;

import dev.filehost.account.User;
import dev.filehost.admin.Actor;

/** An admin's request that passed the {@link AdminGate}: who asks, and as whom it goes to the audit log. */
record AdminCall(User user, Actor actor) {
}
