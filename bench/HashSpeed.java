import java.security.MessageDigest;
import java.util.Random;

/**
 * Prints how fast this JDK computes MD5 and SHA-256 on one core, in MB/s, over MIB mebibytes held
 * in memory: "md5 sha256". Every upload computes both (the answer's "hash" is the MD5; blobs are
 * stored under the SHA-256), so their CPU time is work nginx does not do, and MD5, which cannot
 * be split across cores, bounds any one upload.  Usage: java HashSpeed.java MIB
 */
public class HashSpeed {
    public static void main(String[] args) throws Exception {
        long total = Long.parseLong(args[0]) * 1024 * 1024;
        System.out.printf("%.1f %.1f%n", speed("MD5", total), speed("SHA-256", total));
    }

    private static double speed(String algorithm, long total) throws Exception {
        byte[] buffer = new byte[1024 * 1024];
        new Random(1).nextBytes(buffer);
        MessageDigest digest = MessageDigest.getInstance(algorithm);
        for (int i = 0; i < 256; i++) {
            digest.update(buffer); // warm-up: the JIT compiles the intrinsic first
        }
        digest.reset();
        long start = System.nanoTime();
        for (long done = 0; done < total; done += buffer.length) {
            digest.update(buffer);
        }
        digest.digest();
        return total / ((System.nanoTime() - start) / 1e9) / 1e6;
    }
}
