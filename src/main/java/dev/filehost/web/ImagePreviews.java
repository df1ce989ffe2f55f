package dev.filehost.web;

import dev.filehost.file.Previews;
import dev.filehost.file.StoredFile;
import dev.filehost.file.TypeDetector;
import dev.filehost.storage.BlobStore;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The image on a file page: raster images only, checked by their bytes (a stored type can be
 * edited), sandboxed, never sniffed. No other uploaded content is ever served inline.
 */
public final class ImagePreviews {
    private final BlobStore blobs;
    private final TypeDetector detector;
    private final ErrorPages errors;

    public ImagePreviews(BlobStore blobs, TypeDetector detector, ErrorPages errors) {
        this.blobs = blobs;
        this.detector = detector;
        this.errors = errors;
    }

    boolean offers(StoredFile file) {
        return Previews.offered(file);
    }

    void serve(Context ctx, StoredFile file) throws IOException {
        if (!offers(file)) {
            errors.notFound(ctx);
            return;
        }
        try (InputStream in = blobs.open(file.blobSha256(), 0, -1)) {
            byte[] head = in.readNBytes(TypeDetector.HEAD_BYTES);
            String type = detector.detect(head, file.name());
            if (!Previews.isRaster(type)) {
                errors.notFound(ctx);
                return;
            }
            ctx.status(200)
                    .header("Content-Type", type)
                    .header("Content-Length", Long.toString(file.size()))
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Content-Security-Policy", "sandbox")
                    .header("Cache-Control", "private, max-age=3600");
            if (!ctx.method().name().equals("HEAD")) {
                OutputStream out = ctx.res().getOutputStream();
                out.write(head);
                in.transferTo(out);
                out.flush();
            }
        }
    }
}
