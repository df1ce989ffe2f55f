package dev.filehost.cli;

import dev.filehost.backup.CopyReport;
import java.io.PrintWriter;

/** The blobs a backup or restore could not copy, and the exit code that follows. */
final class CopyProblems {
    private CopyProblems() {
    }

    /** Prints the problems; the exit code is 1 when there are any, so scripts notice. */
    static int print(PrintWriter out, CopyReport report) {
        report.problems().forEach(problem -> out.println("  " + problem));
        if (!report.problems().isEmpty()) {
            out.println(report.problems().size() + " blobs could not be copied.");
        }
        out.flush();
        return report.problems().isEmpty() ? 0 : 1;
    }
}
