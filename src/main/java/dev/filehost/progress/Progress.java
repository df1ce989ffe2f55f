package dev.filehost.progress;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;

/** Where a long operator command says how far it is: one stage after another (users, folders, files; blobs). */
public interface Progress {
    /** A new stage of {@code total} rows; {@code totalBytes} is 0 where no bytes are read. */
    void stage(String name, long total, long totalBytes);

    /** One more row of the stage is done, after reading this many bytes. */
    void advance(long bytes);

    void finish();

    /** Bars redrawn in place on a terminal, plain lines every few seconds otherwise (logs, pipes). */
    static Progress to(PrintWriter out, boolean terminal, Clock clock) {
        return new TextProgress(out, clock, terminal, terminal ? Duration.ofMillis(200) : Duration.ofSeconds(5));
    }

    /** For runs that report nothing while they work (the --json output stays one document). */
    static Progress silent() {
        return new Progress() {
            @Override
            public void stage(String name, long total, long totalBytes) {
            }

            @Override
            public void advance(long bytes) {
            }

            @Override
            public void finish() {
            }
        };
    }
}
