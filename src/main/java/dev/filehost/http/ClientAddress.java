package dev.filehost.http;

import io.javalin.http.Context;

/** The caller's address: the socket's peer, or the proxy's X-Forwarded-For when trusted. */
public final class ClientAddress {
    private final boolean trustProxyHeaders;

    public ClientAddress(boolean trustProxyHeaders) {
        this.trustProxyHeaders = trustProxyHeaders;
    }

    public String of(Context ctx) {
        if (trustProxyHeaders) {
            String forwarded = ctx.header("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                // The last entry is the one our own proxy appended: the only one we can trust.
                String[] hops = forwarded.split(",");
                return hops[hops.length - 1].strip();
            }
        }
        return ctx.req().getRemoteAddr();
    }
}
