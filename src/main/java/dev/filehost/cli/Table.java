package dev.filehost.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.function.Function;

/** Prints a list as aligned columns under a header line; the format has one %s per column. */
record Table<T>(String format, List<String> headers, Function<T, Object[]> cells) {

    void print(PrintWriter out, Iterable<? extends T> rows) {
        out.printf(format, headers.toArray());
        for (T row : rows) {
            out.printf(format, cells.apply(row));
        }
    }
}
