package dev.filehost.support;

import dev.filehost.admin.AdminBootstrap;
import dev.filehost.app.Application;
import dev.filehost.config.SettingSource;
import dev.filehost.config.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A real server on a random loopback port with its own data directory and database, on a
 * clock the test controls. Settings are given as FILEHOST_* variables, as operators do.
 */
public final class TestServer implements AutoCloseable {
    private final Path dataDir;
    private final TestDatabase database;
    private final Application app;
    private final MutableClock clock = new MutableClock();
    private final ApiClient client;
    private final Settings settings;

    private TestServer(String databaseKind, Map<String, String> environment, Consumer<Settings> beforeStart)
            throws IOException {
        this.dataDir = Files.createTempDirectory("filehost-test");
        this.database = TestDatabase.create(databaseKind, dataDir);
        Map<String, String> env = new HashMap<>();
        env.put("FILEHOST_BIND", "127.0.0.1");
        int port = LoopbackPorts.free();
        env.put("FILEHOST_PORT", Integer.toString(port));
        env.put("FILEHOST_PUBLIC_URL", "http://127.0.0.1:" + port);
        env.put("FILEHOST_DATA", dataDir.toString());
        env.put("FILEHOST_DB_URL", database.url());
        env.put("FILEHOST_DB_USER", database.user());
        env.putAll(environment);
        this.settings = Settings.from(SettingSource.load(Optional.empty(), env));
        try {
            beforeStart.accept(settings);
        } catch (RuntimeException | Error e) {
            database.close();
            throw e;
        }
        this.app = Application.start(settings, clock);
        this.client = new ApiClient("http://127.0.0.1:" + app.port());
    }


    public static TestServer start(String databaseKind) {
        return start(databaseKind, Map.of());
    }

    public static TestServer start(String databaseKind, Map<String, String> environment) {
        return start(databaseKind, environment, settings -> { });
    }

    /** A server whose database and data directory {@code beforeStart} fills first, as an operator's import does. */
    public static TestServer start(String databaseKind, Map<String, String> environment,
                                   Consumer<Settings> beforeStart) {
        try {
            return new TestServer(databaseKind, environment, beforeStart);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ApiClient client() {
        return client;
    }

    public MutableClock clock() {
        return clock;
    }

    public Application app() {
        return app;
    }

    public Settings settings() {
        return settings;
    }

    public AdminBootstrap.AdminCredentials admin() {
        return app.createdAdmin().orElseThrow();
    }

    @Override
    public void close() throws IOException {
        app.close();
        database.close();
        TempDirs.deleteTree(dataDir);
    }
}
