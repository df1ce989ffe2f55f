package dev.filehost.http;

/** What a handler gets: the parameters, the caller's address, and the signed-in caller if any. */
public record ApiCall<C>(ApiParams params, String clientIp, C caller) {
}
