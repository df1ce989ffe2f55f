package dev.filehost.web;

/** What every public page of a file shows of it, ready for a template; {@code exactSize} only when it adds to {@code size}. */
record FileSummary(String name, String size, String exactSize, String type, String uploaded, long downloads,
                   String pageUrl, String longUrl, String infoUrl, String statsUrl) {
}
