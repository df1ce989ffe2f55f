package dev.filehost.http;

import dev.filehost.account.User;

/** What a handler gets: the parameters, the caller's address, and the signed-in user if any. */
public record ApiCall(ApiParams params, String clientIp, User user) {
}
