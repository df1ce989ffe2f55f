package dev.filehost.web;

import dev.filehost.file.DailyCounts.DayCount;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A bar chart of counts per day (a file's downloads on its stats page, the site's uploads and downloads on the
 * admin dashboard), laid out here so the template "day_chart" only draws what it is given.
 */
record DayChart(int width, int height, int left, int right, String description, List<GridLine> gridLines,
                     List<Bar> bars, List<DayLabel> dayLabels) {
    private static final int WIDTH = 720;
    private static final int HEIGHT = 220;
    private static final int LEFT = 36;
    private static final int TOP = 22;
    private static final int BASELINE = HEIGHT - 28;
    private static final int GAP = 4;
    private static final int LABEL_EVERY = 7;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter FULL_DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

    /** A bar with its tooltip; {@code count} is null for an empty day, which shows no number. */
    record Bar(int x, int y, int width, int height, int centre, int countY, String title, String count) {
    }

    record GridLine(int y, int labelX, int labelY, String label) {
    }

    record DayLabel(int x, int y, String text) {
    }

    /** {@code one} and {@code many} name what is counted: "download" and "downloads". */
    static DayChart of(List<DayCount> days, String one, String many) {
        int slot = (WIDTH - LEFT) / days.size();
        long top = roundUp(days.stream().mapToLong(DayCount::count).max().orElse(0));
        int plotHeight = BASELINE - TOP;
        List<Bar> bars = new ArrayList<>();
        List<DayLabel> labels = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            DayCount day = days.get(i);
            int x = LEFT + i * slot + GAP / 2;
            int height = (int) Math.round((double) day.count() * plotHeight / top);
            int centre = x + (slot - GAP) / 2;
            bars.add(new Bar(x, BASELINE - height, slot - GAP, height, centre, BASELINE - height - 5,
                    FULL_DAY.format(day.day()) + ": " + day.count() + " " + (day.count() == 1 ? one : many),
                    day.count() == 0 ? null : Long.toString(day.count())));
            // Labels count back from today, so today always has one.
            if ((days.size() - 1 - i) % LABEL_EVERY == 0) {
                labels.add(new DayLabel(centre, BASELINE + 18, DAY.format(day.day())));
            }
        }
        List<GridLine> grid = new ArrayList<>(List.of(gridLine(BASELINE, 0), gridLine(TOP, top)));
        if (top % 2 == 0) {
            grid.add(gridLine((BASELINE + TOP) / 2, top / 2));
        }
        String description = many.substring(0, 1).toUpperCase(Locale.ROOT) + many.substring(1) + " per day from " + FULL_DAY.format(days.getFirst().day()) + " to "
                + FULL_DAY.format(days.getLast().day());
        return new DayChart(WIDTH, HEIGHT, LEFT, LEFT + slot * days.size(), description, grid, bars, labels);
    }

    private static GridLine gridLine(int y, long value) {
        return new GridLine(y, LEFT - 6, y + 4, Long.toString(value));
    }

    /** The top of the scale: 1, 2 or 5 times a power of ten, at least the largest count. */
    private static long roundUp(long max) {
        long power = 1;
        while (true) {
            for (long step : new long[] {1, 2, 5}) {
                if (step * power >= max) {
                    return step * power;
                }
            }
            power *= 10;
        }
    }
}
