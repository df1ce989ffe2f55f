package dev.filehost.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** A block of addresses such as {@code 10.0.0.0/8} or {@code ::1/128}. */
public record CidrRange(InetAddress network, int prefixLength) {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    /** Parses {@code address/prefix}, or a single address; throws IllegalArgumentException otherwise. */
    public static CidrRange parse(String text) {
        String[] parts = text.strip().split("/", -1);
        InetAddress network = literal(parts[0]).orElseThrow(() -> new IllegalArgumentException(text));
        int bits = network.getAddress().length * 8;
        int prefix = parts.length == 1 ? bits : parsePrefix(parts, text);
        if (parts.length > 2 || prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException(text);
        }
        return new CidrRange(network, prefix);
    }

    public static List<CidrRange> parseList(String text) {
        return Arrays.stream(text.split(",")).map(CidrRange::parse).toList();
    }

    /**
     * The address written in {@code address} (IPv6 possibly in brackets), or empty when it is not an IP
     * literal. Never resolves a name: the text may come from a request header.
     */
    public static Optional<InetAddress> literal(String address) {
        boolean bracketed = address.startsWith("[") && address.endsWith("]");
        String text = bracketed ? address.substring(1, address.length() - 1) : address;
        boolean ipv4 = IPV4.matcher(text).matches()
                && Arrays.stream(text.split("\\.")).allMatch(octet -> Integer.parseInt(octet) <= 255);
        if (!ipv4 && !IPV6.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text));
        } catch (UnknownHostException notAnAddress) {
            return Optional.empty();
        }
    }

    /** True when {@code address} is of the same family and shares the first {@code prefixLength} bits. */
    public boolean contains(InetAddress address) {
        byte[] mine = network.getAddress();
        byte[] theirs = address.getAddress();
        if (mine.length != theirs.length) {
            return false;
        }
        int fullBytes = prefixLength / 8;
        if (!Arrays.equals(mine, 0, fullBytes, theirs, 0, fullBytes)) {
            return false;
        }
        int restBits = prefixLength % 8;
        int mask = (0xff << (8 - restBits)) & 0xff;
        return restBits == 0 || (mine[fullBytes] & mask) == (theirs[fullBytes] & mask);
    }

    private static int parsePrefix(String[] parts, String text) {
        try {
            return Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    @Override
    public String toString() {
        return network.getHostAddress() + "/" + prefixLength;
    }
}
