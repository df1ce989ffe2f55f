package dev.filehost.urlimport;

import dev.filehost.net.CidrRange;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Which addresses a URL import may connect to: by default none that is private to the server's
 * networks (loopback, private, link-local with cloud metadata, unique-local, CGNAT, multicast,
 * unspecified, broadcast, documentation and other reserved ranges, the server's own interface
 * addresses), including IPv4 hidden in IPv6 forms.
 */
public final class AddressPolicy {
    /** Reserved blocks the JDK's isXxx() predicates do not cover. */
    private static final List<CidrRange> RESERVED = CidrRange.parseList(String.join(",",
            "0.0.0.0/8",        // "this network"
            "100.64.0.0/10",    // carrier-grade NAT
            "192.0.0.0/24",     // protocol assignments
            "192.0.2.0/24",     // documentation (TEST-NET-1)
            "198.18.0.0/15",    // benchmarking
            "198.51.100.0/24",  // documentation (TEST-NET-2)
            "203.0.113.0/24",   // documentation (TEST-NET-3)
            "240.0.0.0/4",      // reserved and broadcast
            "fc00::/7",         // unique local
            "2001:db8::/32",    // documentation
            "64:ff9b:1::/48")); // NAT64 for local use (RFC 8215): where the IPv4 sits depends on the network

    private final boolean allowPrivate;
    private final Supplier<Set<InetAddress>> ownAddresses;

    public AddressPolicy(boolean allowPrivate) {
        this(allowPrivate, AddressPolicy::interfaceAddresses);
    }

    /** {@code ownAddresses} is asked at each check: interfaces come and go while the server runs. */
    AddressPolicy(boolean allowPrivate, Supplier<Set<InetAddress>> ownAddresses) {
        this.allowPrivate = allowPrivate;
        this.ownAddresses = ownAddresses;
    }

    public boolean allows(InetAddress address) {
        if (allowPrivate) {
            return true;
        }
        Optional<InetAddress> embedded = address instanceof Inet6Address ? embeddedIpv4(address.getAddress())
                : Optional.empty();
        InetAddress target = embedded.orElse(address);
        if (isPrivate(address) || isPrivate(target)) {
            return false;
        }
        Set<InetAddress> own = ownAddresses.get();
        return !own.contains(address) && !own.contains(target);
    }

    private static boolean isPrivate(InetAddress address) {
        return address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()
                || RESERVED.stream().anyMatch(range -> range.contains(address));
    }

    /**
     * The IPv4 address inside ::ffff:a.b.c.d (mapped), ::ffff:0:a.b.c.d (translated, RFC 2765),
     * ::a.b.c.d (compatible), 64:ff9b::a.b.c.d (NAT64, RFC 6052) and 2002:ab:cd:: (6to4).
     */
    private static Optional<InetAddress> embeddedIpv4(byte[] v6) {
        boolean zeroPrefix = allZero(v6, 0, 8);
        boolean mapped = zeroPrefix && allZero(v6, 8, 10) && (v6[10] & 0xff) == 0xff && (v6[11] & 0xff) == 0xff;
        boolean translated = zeroPrefix && (v6[8] & 0xff) == 0xff && (v6[9] & 0xff) == 0xff && allZero(v6, 10, 12);
        boolean compatible = zeroPrefix && allZero(v6, 8, 12) && !allZero(v6, 12, 16);
        boolean nat64 = (v6[0] & 0xff) == 0x00 && (v6[1] & 0xff) == 0x64 && (v6[2] & 0xff) == 0xff
                && (v6[3] & 0xff) == 0x9b && allZero(v6, 4, 12);
        if (mapped || translated || compatible || nat64) {
            return Optional.of(ipv4(Arrays.copyOfRange(v6, 12, 16)));
        }
        if ((v6[0] & 0xff) == 0x20 && (v6[1] & 0xff) == 0x02) {
            return Optional.of(ipv4(Arrays.copyOfRange(v6, 2, 6)));
        }
        return Optional.empty();
    }

    private static boolean allZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress ipv4(byte[] bytes) {
        try {
            return Inet4Address.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }

    /** Every address of every interface of this machine, public ones included. */
    static Set<InetAddress> interfaceAddresses() {
        try {
            return NetworkInterface.networkInterfaces().flatMap(NetworkInterface::inetAddresses)
                    .collect(Collectors.toSet());
        } catch (SocketException e) {
            throw new IllegalStateException("the network interfaces could not be listed", e);
        }
    }
}
