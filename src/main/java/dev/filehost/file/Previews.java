package dev.filehost.file;

import java.util.Set;

/** Which files have an image preview: raster images of moderate size (larger ones are for the download link). */
public final class Previews {
    private static final Set<String> RASTER_TYPES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");
    private static final long MAX_BYTES = 10L * 1024 * 1024;

    private Previews() {
    }

    public static boolean offered(StoredFile file) {
        return isRaster(file.mimeType()) && file.size() <= MAX_BYTES;
    }

    public static boolean isRaster(String mimeType) {
        return RASTER_TYPES.contains(mimeType);
    }
}
