package dev.filehost.config;

import dev.filehost.net.CidrRange;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;

/**
 * Who may read the metrics: callers from one of the allowed address ranges, and, when a token is set,
 * only with {@code Authorization: Bearer <token>} as well.
 */
public record MetricsAccess(List<CidrRange> allowed, Optional<String> token) {

    private static final String BEARER = "bearer ";

    public boolean permits(String clientAddress, String authorization) {
        Optional<InetAddress> address = CidrRange.literal(clientAddress);
        boolean fromAllowedRange = address.isPresent()
                && allowed.stream().anyMatch(range -> range.contains(address.get()));
        return fromAllowedRange && token.map(expected -> presents(authorization, expected)).orElse(true);
    }

    private static boolean presents(String authorization, String expected) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        String presented = authorization.substring(BEARER.length()).strip();
        // Digests first, so the comparison time says nothing about the token, not even its length.
        return MessageDigest.isEqual(sha256(presented), sha256(expected));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }

    /** Settings end up in logs and error reports; the token must not. */
    @Override
    public String toString() {
        return "MetricsAccess[allowed=" + allowed + ", token=" + (token.isPresent() ? "***" : "none") + "]";
    }
}
