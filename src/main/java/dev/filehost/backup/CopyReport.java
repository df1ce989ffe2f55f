package dev.filehost.backup;

import java.util.List;

/**
 * What a backup or a restore copied.
 *
 * @param blobs    the blobs the database refers to
 * @param copied   how many of them this run copied whole (the others were there already, or failed)
 * @param bytes    the size of all those blobs
 * @param problems blobs that could not be copied, one sentence each
 */
public record CopyReport(int blobs, int copied, long bytes, List<String> problems) {
}
