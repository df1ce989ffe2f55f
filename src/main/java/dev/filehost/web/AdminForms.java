package dev.filehost.web;

import dev.filehost.core.Ids;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.stream.IntStream;

/** What the admin panel's pages read from a query and offer in their selects. */
final class AdminForms {
    private AdminForms() {
    }

    /** One choice of a select, as the form shows it. */
    record Choice(String value, String label, boolean selected) {
    }

    /** The options of a select from value and label pairs, {@code current} selected. */
    static List<Choice> choices(String current, String... valuesAndLabels) {
        return IntStream.range(0, valuesAndLabels.length / 2)
                .mapToObj(i -> new Choice(valuesAndLabels[2 * i], valuesAndLabels[2 * i + 1],
                        valuesAndLabels[2 * i].equals(current)))
                .toList();
    }

    /** A day as a date field sends it ("2026-12-03"); null when the field is empty. */
    static LocalDate day(Context ctx, String name) {
        String text = param(ctx, name);
        try {
            return text.isEmpty() ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a day such as 2026-12-03");
        }
    }

    /** The page asked for, counting from 1. */
    static int page(Context ctx) {
        return Ids.parse(param(ctx, "page")).filter(page -> page < 100_000).map(Long::intValue).orElse(1);
    }

    /** The query parameter's text, stripped; empty when absent. */
    static String param(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null ? "" : value.strip();
    }
}
