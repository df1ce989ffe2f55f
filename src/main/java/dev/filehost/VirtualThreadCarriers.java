package dev.filehost;

/**
 * Gives the virtual-thread scheduler two carrier threads per core instead of one, unless the
 * operator set {@code jdk.virtualThreadScheduler.parallelism} already. With one carrier per core,
 * a carrier busy elsewhere (preempted by the kernel for another process or the GC, or pinned in
 * SQLite's native code) holds up the requests queued on it: {@code /file/info} at 32 connections
 * on 2 cores had a p99 of 52-80 ms with 2 carriers and 9-13 ms with 4, at about the same
 * throughput (bench/README.md).
 */
final class VirtualThreadCarriers {
    static final String PARALLELISM = "jdk.virtualThreadScheduler.parallelism";

    private VirtualThreadCarriers() {
    }

    /** Must run before the first virtual thread starts: the scheduler reads the setting once. */
    static void configure() {
        if (System.getProperty(PARALLELISM) == null) {
            System.setProperty(PARALLELISM, String.valueOf(2 * Runtime.getRuntime().availableProcessors()));
        }
    }
}
