package dev.filehost.web;

import dev.filehost.file.Previews;
import dev.filehost.file.StoredFile;
import dev.filehost.storage.BlobStore;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Small square thumbnails of the file manager's images, scaled here from the blob. Blobs never change
 * (their name is their SHA-256), so a thumbnail is kept by blob: in a small cache on each node, and in
 * browsers for a day. Any node makes the same one from the shared store.
 */
final class Thumbnails {
    static final int SIDE = 80;
    private static final int CACHED = 512;
    /** Larger pictures are not decoded at all: their pixels alone would take too much memory. */
    private static final long MAX_PIXELS = 40_000_000;

    private final BlobStore blobs;
    private final Map<String, Optional<byte[]>> cache = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Optional<byte[]>> eldest) {
                    return size() > CACHED;
                }
            });

    Thumbnails(BlobStore blobs) {
        this.blobs = blobs;
    }

    /** The PNG thumbnail, or empty for a file that is no picture this server decodes. */
    Optional<byte[]> of(StoredFile file) throws IOException {
        if (!Previews.offered(file)) {
            return Optional.empty();
        }
        Optional<byte[]> known = cache.get(file.blobSha256());
        if (known != null) {
            return known;
        }
        Optional<byte[]> made = make(file.blobSha256());
        cache.put(file.blobSha256(), made);
        return made;
    }

    private Optional<byte[]> make(String sha256) throws IOException {
        try (InputStream in = blobs.open(sha256, 0, -1); ImageInputStream images = ImageIO.createImageInputStream(in)) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(images);
            if (!readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(images, true, true);
                if ((long) reader.getWidth(0) * reader.getHeight(0) > MAX_PIXELS) {
                    return Optional.empty();
                }
                return Optional.of(png(square(reader.read(0))));
            } finally {
                reader.dispose();
            }
        }
    }

    /** The picture's middle square, scaled to {@link #SIDE} pixels. */
    private static BufferedImage square(BufferedImage source) {
        int side = Math.min(source.getWidth(), source.getHeight());
        int x = (source.getWidth() - side) / 2;
        int y = (source.getHeight() - side) / 2;
        BufferedImage out = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, SIDE, SIDE, x, y, x + side, y + side, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
