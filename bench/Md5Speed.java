import java.security.MessageDigest;
import java.util.Random;

/**
 * Prints how fast this JDK computes MD5 on one core, in MB/s, over MIB mebibytes held in memory:
 * the ceiling of an upload whose answer carries the MD5 of the content (the contract's "hash"),
 * since MD5 cannot be split across cores.  Usage: java Md5Speed.java MIB
 */
public class Md5Speed {
    public static void main(String[] args) throws Exception {
        long total = Long.parseLong(args[0]) * 1024 * 1024;
        byte[] buffer = new byte[1024 * 1024];
        new Random(1).nextBytes(buffer);
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        for (int i = 0; i < 256; i++) {
            md5.update(buffer); // warm-up: the JIT compiles the intrinsic first
        }
        md5.reset();
        long start = System.nanoTime();
        for (long done = 0; done < total; done += buffer.length) {
            md5.update(buffer);
        }
        md5.digest();
        System.out.printf("%.1f%n", total / ((System.nanoTime() - start) / 1e9) / 1e6);
    }
}
