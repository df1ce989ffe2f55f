package dev.filehost.file;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Uploads that send the file before the credentials, on the local store. */
class FileFirstUploadTest extends FileFirstUploadScenarios {

    @Override
    protected Map<String, String> serverEnvironment() {
        return withBoundsBeforeSignIn(Map.of());
    }

    /** Every file under the store's root: blobs and the temporary files of writes. */
    @Override
    protected Set<String> storeContents() throws Exception {
        Path root = server.settings().dataDir().resolve("blobs");
        if (!Files.exists(root)) {
            return Set.of();
        }
        while (true) {
            try (Stream<Path> files = Files.walk(root)) {
                return files.filter(Files::isRegularFile).map(root::relativize).map(Path::toString)
                        .collect(Collectors.toSet());
            } catch (UncheckedIOException removedWhileListed) {
                // A write ended while the walk ran: list again.
            }
        }
    }
}
