package dev.filehost.cli;

import dev.filehost.backup.Progress;
import dev.filehost.web.ByteSizes;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Shows a long copy: a bar redrawn in place on a terminal, a line every few seconds elsewhere
 * (a log or a pipe), so that neither floods its reader.
 */
final class ProgressPrinter implements Progress {
    private static final int WIDTH = 30;
    private static final Duration TERMINAL_EVERY = Duration.ofMillis(200);
    private static final Duration LOG_EVERY = Duration.ofSeconds(5);

    private final PrintWriter out;
    private final String what;
    private final boolean terminal;
    private final Clock clock;
    private final Instant started;
    private Instant lastShown = Instant.MIN;

    ProgressPrinter(PrintWriter out, String what, boolean terminal, Clock clock) {
        this.out = out;
        this.what = what;
        this.terminal = terminal;
        this.clock = clock;
        this.started = clock.instant();
    }

    static ProgressPrinter on(PrintWriter out, String what) {
        return new ProgressPrinter(out, what, System.console() != null, Clock.systemUTC());
    }

    @Override
    public void bytes(long done, long total) {
        Instant now = clock.instant();
        boolean finished = done >= total;
        if (!finished && Duration.between(lastShown, now).compareTo(terminal ? TERMINAL_EVERY : LOG_EVERY) < 0) {
            return;
        }
        lastShown = now;
        String line = line(done, total, Duration.between(started, now));
        if (terminal) {
            out.print("\r" + line + (finished ? "\n" : ""));
        } else {
            out.println(line);
        }
        out.flush();
    }

    private String line(long done, long total, Duration elapsed) {
        double seconds = Math.max(elapsed.toMillis(), 1) / 1000.0;
        double rate = done / seconds;
        double fraction = total <= 0 ? 1 : Math.min(1, (double) done / total);
        int filled = (int) Math.round(fraction * WIDTH);
        String left = rate <= 0 || done >= total ? "" : ", " + Math.round((total - done) / rate) + " s left";
        return String.format(Locale.ROOT, "%s [%s%s] %3.0f%% %s of %s, %s/s%s", what, "#".repeat(filled),
                ".".repeat(WIDTH - filled), fraction * 100, ByteSizes.human(done), ByteSizes.human(total),
                ByteSizes.human(Math.round(rate)), left);
    }
}
