package dev.filehost.urlimport;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * Which addresses a URL import may connect to: by default none that is private to the server's
 * networks (loopback, private, link-local with cloud metadata, unique-local, CGNAT, multicast,
 * unspecified, broadcast), including IPv4 hidden in IPv6 forms.
 */
public final class AddressPolicy {
    private final boolean allowPrivate;

    public AddressPolicy(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    public boolean allows(InetAddress address) {
        return allowPrivate || !isPrivate(address);
    }

    static boolean isPrivate(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            byte[] bytes = v6.getAddress();
            return embeddedIpv4(bytes).map(AddressPolicy::isPrivate).orElseGet(() -> isPrivateIpv6(v6, bytes));
        }
        byte[] b = address.getAddress();
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()
                || first == 0                                   // 0.0.0.0/8 "this network"
                || first == 100 && second >= 64 && second < 128 // 100.64.0.0/10 carrier-grade NAT
                || first == 192 && second == 0 && (b[2] & 0xff) == 0 // 192.0.0.0/24 protocol assignments
                || first == 198 && (second == 18 || second == 19)    // 198.18.0.0/15 benchmarking
                || first >= 240;                                // reserved and broadcast
    }

    private static boolean isPrivateIpv6(Inet6Address address, byte[] bytes) {
        int first = bytes[0] & 0xff;
        return address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()
                || (first & 0xfe) == 0xfc;                      // fc00::/7 unique local
    }

    /** The IPv4 address inside ::ffff:a.b.c.d, ::a.b.c.d, 64:ff9b::a.b.c.d (NAT64) and 2002:ab:cd:: (6to4). */
    private static java.util.Optional<InetAddress> embeddedIpv4(byte[] v6) {
        boolean zeroPrefix = Arrays.equals(Arrays.copyOf(v6, 10), new byte[10]);
        boolean mapped = zeroPrefix && (v6[10] & 0xff) == 0xff && (v6[11] & 0xff) == 0xff;
        boolean compatible = zeroPrefix && v6[10] == 0 && v6[11] == 0 && !allZero(v6, 12, 16);
        boolean nat64 = (v6[0] & 0xff) == 0x00 && (v6[1] & 0xff) == 0x64 && (v6[2] & 0xff) == 0xff
                && (v6[3] & 0xff) == 0x9b && allZero(v6, 4, 12);
        if (mapped || compatible || nat64) {
            return java.util.Optional.of(ipv4(Arrays.copyOfRange(v6, 12, 16)));
        }
        if ((v6[0] & 0xff) == 0x20 && (v6[1] & 0xff) == 0x02) {
            return java.util.Optional.of(ipv4(Arrays.copyOfRange(v6, 2, 6)));
        }
        return java.util.Optional.empty();
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
}
