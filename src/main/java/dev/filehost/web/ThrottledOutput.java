package dev.filehost.web;

/** Paces a stream to a rate by sleeping between writes (cheap on a virtual thread). */
final class ThrottledOutput {
    private final long bytesPerSecond;
    private final long startNanos = System.nanoTime();

    ThrottledOutput(long bytesPerSecond) {
        this.bytesPerSecond = bytesPerSecond;
    }

    void pace(long bytesSoFar) {
        if (bytesPerSecond <= 0) {
            return;
        }
        long dueNanos = bytesSoFar * 1_000_000_000L / bytesPerSecond;
        long aheadMillis = (dueNanos - (System.nanoTime() - startNanos)) / 1_000_000;
        if (aheadMillis > 0) {
            try {
                Thread.sleep(aheadMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
