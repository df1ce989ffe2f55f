package dev.filehost.migrate;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a migration did (or, on a dry run, would do): counts per kind, skipped rows with the reason, remote files. */
public final class MigrationReport {
    public static final List<String> KINDS = List.of("packages", "users", "api_keys", "folders", "files");

    /** Rows of one kind: written now, found already written (an earlier run), or left out. */
    public static final class Tally {
        long imported;
        long unchanged;
        long skipped;

        public long imported() {
            return imported;
        }

        public long unchanged() {
            return unchanged;
        }

        public long skipped() {
            return skipped;
        }
    }

    public record Skipped(String kind, long id, String reason) {
    }

    public record RemoteFile(long fileId, long serverId, String server, String serverType) {
    }

    private final boolean dryRun;
    private final Map<String, Tally> tallies = new LinkedHashMap<>();
    private final List<Skipped> skipped = new ArrayList<>();
    private final List<RemoteFile> remoteFiles = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private long bytesRead;

    MigrationReport(boolean dryRun) {
        this.dryRun = dryRun;
        KINDS.forEach(kind -> tallies.put(kind, new Tally()));
    }

    void imported(String kind) {
        tallies.get(kind).imported++;
    }

    void unchanged(String kind) {
        tallies.get(kind).unchanged++;
    }

    void skip(String kind, long id, String reason) {
        tallies.get(kind).skipped++;
        skipped.add(new Skipped(kind, id, reason));
    }

    void remote(RemoteFile file) {
        tallies.get("files").skipped++;
        remoteFiles.add(file);
    }

    void note(String note) {
        notes.add(note);
    }

    void read(long bytes) {
        bytesRead += bytes;
    }

    public boolean dryRun() {
        return dryRun;
    }

    public Tally tally(String kind) {
        return tallies.get(kind);
    }

    public List<Skipped> skipped() {
        return List.copyOf(skipped);
    }

    public List<RemoteFile> remoteFiles() {
        return List.copyOf(remoteFiles);
    }

    public List<String> notes() {
        return List.copyOf(notes);
    }

    /** The report as the --json output shows it. */
    public Map<String, Object> asJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("dry_run", dryRun);
        Map<String, Object> counts = new LinkedHashMap<>();
        tallies.forEach((kind, tally) -> counts.put(kind,
                Map.of("imported", tally.imported, "unchanged", tally.unchanged, "skipped", tally.skipped)));
        json.put("counts", counts);
        json.put("bytes_read", bytesRead);
        json.put("skipped", skipped);
        json.put("remote_files", remoteFiles);
        json.put("notes", notes);
        return json;
    }

    public void print(PrintWriter out) {
        out.println(dryRun ? "Dry run: nothing was written. What the import would do:" : "Import finished:");
        out.printf("  %-10s %10s %10s %10s%n", "", dryRun ? "to import" : "imported", "unchanged", "skipped");
        tallies.forEach((kind, tally) -> out.printf("  %-10s %10d %10d %10d%n", kind, tally.imported, tally.unchanged,
                tally.skipped));
        out.printf("  bytes read: %d%n", bytesRead);
        if (!skipped.isEmpty()) {
            out.println("Skipped:");
            skipped.forEach(s -> out.printf("  %s %d: %s%n", s.kind(), s.id(), s.reason()));
        }
        if (!remoteFiles.isEmpty()) {
            out.println("Files on remote servers of the old site (not imported):");
            remoteFiles.forEach(f -> out.printf("  file %d on server %d (%s, %s)%n", f.fileId(), f.serverId(),
                    f.server(), f.serverType()));
        }
        if (!notes.isEmpty()) {
            out.println("Notes:");
            notes.forEach(note -> out.println("  " + note));
        }
        out.flush();
    }
}
