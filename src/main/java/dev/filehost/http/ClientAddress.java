package dev.filehost.http;

import dev.filehost.net.CidrRange;
import io.javalin.http.Context;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * The caller's address: the socket's peer or, when proxy headers are trusted and the peer is one of
 * the trusted proxies, the nearest address in X-Forwarded-For that is not a trusted proxy.
 */
public final class ClientAddress {
    private final boolean trustProxyHeaders;
    private final List<CidrRange> trustedProxies;

    public ClientAddress(boolean trustProxyHeaders, List<CidrRange> trustedProxies) {
        this.trustProxyHeaders = trustProxyHeaders;
        this.trustedProxies = List.copyOf(trustedProxies);
    }

    public String of(Context ctx) {
        return of(ctx.req().getRemoteAddr(), ctx.header("X-Forwarded-For"));
    }

    /** The client of a request from {@code peer} that carried {@code forwardedFor} (null when absent). */
    public String of(String peer, String forwardedFor) {
        if (!trustProxyHeaders || forwardedFor == null || !isTrustedProxy(peer)) {
            return peer;
        }
        // Right to left: each trusted proxy vouches for the hop before it; the first other address is
        // the client. Entries further left were written by the client and prove nothing.
        String[] hops = forwardedFor.split(",");
        String client = peer;
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (CidrRange.literal(hop).isEmpty()) {
                return client;
            }
            client = hop;
            if (!isTrustedProxy(hop)) {
                return client;
            }
        }
        return client;
    }

    private boolean isTrustedProxy(String address) {
        Optional<InetAddress> parsed = CidrRange.literal(address);
        return parsed.isPresent() && trustedProxies.stream().anyMatch(range -> range.contains(parsed.get()));
    }
}
