package dev.filehost.tus;

import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;

/** The checksum extension: a PATCH's Upload-Checksum ("sha1 &lt;Base64 digest&gt;") is checked against its body. */
final class TusChecksum {
    static final String ALGORITHMS = "md5,sha1,sha256";
    private static final Map<String, String> JDK_NAMES = Map.of("md5", "MD5", "sha1", "SHA-1", "sha256", "SHA-256");

    private final MessageDigest digest;
    private final byte[] expected;
    private Boolean matched;

    private TusChecksum(MessageDigest digest, byte[] expected) {
        this.digest = digest;
        this.expected = expected;
    }

    /** The checksum the header asks for. */
    static TusChecksum parse(String header) {
        String[] parts = header.trim().split(" ");
        String algorithm = parts.length == 2 ? JDK_NAMES.get(parts[0]) : null;
        if (algorithm == null) {
            throw TusFailure.BAD_REQUEST.because("Upload-Checksum names none of the algorithms " + ALGORITHMS + ".");
        }
        try {
            return new TusChecksum(MessageDigest.getInstance(algorithm), Base64.getDecoder().decode(parts[1]));
        } catch (IllegalArgumentException e) {
            throw TusFailure.BAD_REQUEST.because("Upload-Checksum holds a digest that is not Base64.");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides " + algorithm, e);
        }
    }

    /** The body, digested as it is read. */
    InputStream watch(InputStream body) {
        return new DigestInputStream(body, digest);
    }

    /** Whether the body read so far matches; asked once the body ended, the answer stays. */
    boolean matches() {
        if (matched == null) {
            matched = MessageDigest.isEqual(digest.digest(), expected);
        }
        return matched;
    }
}
