package dev.filehost.urlimport;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.SocketAddressResolver;

/**
 * Resolves a host for the import client and refuses it when any of its addresses is not allowed:
 * the check applies to the very addresses the client then connects to, after every redirect,
 * so a name that resolves to a private address is caught too.
 */
final class GuardedResolver implements SocketAddressResolver {
    private final AddressPolicy policy;

    GuardedResolver(AddressPolicy policy) {
        this.policy = policy;
    }

    /** The host resolves to an address that imports may not reach. */
    static final class BlockedAddressException extends UnknownHostException {
        BlockedAddressException(String host) {
            super("The address of " + host + " is private to the server's network");
        }
    }

    @Override
    public void resolve(String host, int port, Map<String, Object> context, Promise<List<InetSocketAddress>> promise) {
        try {
            InetAddress[] addresses = InetAddress.getAllByName(host);
            List<InetSocketAddress> allowed = new ArrayList<>();
            for (InetAddress address : addresses) {
                if (!policy.allows(address)) {
                    promise.failed(new BlockedAddressException(host));
                    return;
                }
                allowed.add(new InetSocketAddress(address, port));
            }
            promise.succeeded(allowed);
        } catch (UnknownHostException | RuntimeException e) {
            // A policy that cannot decide refuses: the promise must fail rather than be left hanging.
            promise.failed(e);
        }
    }
}
