package dev.filehost.progress;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;

/** Progress as text: a bar with rate and time left redrawn on one terminal line, or a line every period. */
final class TextProgress implements Progress {
    private static final int BAR_WIDTH = 30;

    private final PrintWriter out;
    private final Clock clock;
    private final boolean terminal;
    private final Duration period;
    private String name;
    private long total;
    private long totalBytes;
    private long done;
    private long bytes;
    private long startedAt;
    private long shownAt;

    TextProgress(PrintWriter out, Clock clock, boolean terminal, Duration period) {
        this.out = out;
        this.clock = clock;
        this.terminal = terminal;
        this.period = period;
    }

    @Override
    public void stage(String name, long total, long totalBytes) {
        endStage();
        this.name = name;
        this.total = total;
        this.totalBytes = totalBytes;
        this.done = 0;
        this.bytes = 0;
        this.startedAt = clock.millis();
        this.shownAt = startedAt;
    }

    @Override
    public void advance(long bytesRead) {
        done++;
        bytes += bytesRead;
        long now = clock.millis();
        if (now - shownAt >= period.toMillis()) {
            shownAt = now;
            show(now);
        }
    }

    @Override
    public void finish() {
        endStage();
        out.flush();
    }

    private void endStage() {
        if (name != null) {
            show(clock.millis());
            if (terminal) {
                out.println();
            }
            name = null;
        }
    }

    private void show(long now) {
        String line = terminal ? "\r" + bar() + " " + status(now) : status(now);
        if (terminal) {
            out.print(line);
        } else {
            out.println(line);
        }
        out.flush();
    }

    private String bar() {
        int filled = total == 0 ? BAR_WIDTH : (int) (BAR_WIDTH * Math.min(done, total) / total);
        return "[" + "#".repeat(filled) + " ".repeat(BAR_WIDTH - filled) + "]";
    }

    private String status(long now) {
        StringBuilder text = new StringBuilder(String.format("%-8s %d/%d", name, done, total));
        if (totalBytes > 0) {
            double seconds = Math.max(1, now - startedAt) / 1000.0;
            double rate = bytes / seconds;
            text.append(String.format("  %d/%d MB  %.1f MB/s", bytes >> 20, totalBytes >> 20, rate / (1 << 20)));
            if (rate > 0 && bytes < totalBytes) {
                Duration left = Duration.ofSeconds((long) ((totalBytes - bytes) / rate));
                text.append(String.format("  %d:%02d:%02d left", left.toHours(), left.toMinutesPart(),
                        left.toSecondsPart()));
            }
        }
        return text.toString();
    }
}
