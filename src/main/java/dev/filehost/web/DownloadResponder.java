package dev.filehost.web;

import dev.filehost.file.DownloadPolicy;
import dev.filehost.file.DownloadService;
import dev.filehost.file.DownloadTokenRepository;
import dev.filehost.file.StoredFile;
import dev.filehost.storage.BlobNotFoundException;
import dev.filehost.storage.BlobStore;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.jetty.ee10.servlet.HttpOutput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams a file through a download link: ranges, conditional requests, validators, and an
 * attachment disposition so that uploaded content never renders from the site's origin.
 */
public final class DownloadResponder {
    private static final int BUFFER_BYTES = 128 * 1024;
    private static final int IDLE_BUFFERS_KEPT = 32;
    private static final String UNAVAILABLE = "This file is unavailable at the moment. Please try again later.";
    private static final Logger log = LoggerFactory.getLogger(DownloadResponder.class);

    private final DownloadService downloads;
    private final BlobStore blobs;
    private final ErrorPages errors;
    private final Counter downloadedBytes;
    private final DirectBuffers buffers = new DirectBuffers(BUFFER_BYTES, IDLE_BUFFERS_KEPT);

    public DownloadResponder(DownloadService downloads, BlobStore blobs, ErrorPages errors, MeterRegistry metrics) {
        this.downloads = downloads;
        this.blobs = blobs;
        this.errors = errors;
        this.downloadedBytes = Counter.builder("filehost.download.bytes").baseUnit("bytes")
                .description("Bytes of files sent to downloaders, counted as they go").register(metrics);
    }

    public void serve(Context ctx, StoredFile file, String token, String ip) throws IOException {
        try {
            respond(ctx, file, downloads.redeem(file, token, ip), ip);
        } catch (DownloadPolicy.Refused refused) {
            if (refused.retryAfterSeconds() > 0) {
                ctx.header("Retry-After", Long.toString(refused.retryAfterSeconds()));
            }
            errors.render(ctx, refused.retryAfterSeconds() > 0 ? 429 : 403, refused.getMessage());
        }
    }

    private void respond(Context ctx, StoredFile file, DownloadTokenRepository.Grant grant, String ip) throws IOException {
        Validators validators = new Validators("\"" + file.blobSha256() + "\"", Instant.ofEpochMilli(file.createdAt()));
        ctx.header("ETag", validators.etag()).header("Last-Modified", validators.lastModifiedHeader())
                .header("Accept-Ranges", "bytes").header("X-Content-Type-Options", "nosniff");
        if (validators.notModified(ctx)) {
            ctx.status(304);
            return;
        }
        Optional<ByteRange> range;
        try {
            range = validators.rangeApplies(ctx)
                    ? ByteRange.parse(ctx.header("Range"), file.size()) : Optional.empty();
        } catch (ByteRange.Unsatisfiable e) {
            ctx.status(416).header("Content-Range", "bytes */" + file.size());
            return;
        }
        long offset = range.map(ByteRange::offset).orElse(0L);
        long length = range.map(ByteRange::length).orElse(file.size());
        boolean headOnly = ctx.method().name().equals("HEAD");
        // The bytes are opened before the status goes out, so a file whose bytes are lost gets a page.
        try (ReadableByteChannel in = headOnly ? null : blobs.openChannel(file.blobSha256(), offset, length);
             DownloadPolicy.Permit permit = downloads.admit(file, grant, ip, offset, length, headOnly)) {
            ctx.status(range.isPresent() ? 206 : 200)
                    .header("Content-Type", file.mimeType())
                    .header("Content-Length", Long.toString(length))
                    .header("Content-Disposition", ContentDisposition.attachment(file.name()))
                    .header("Content-Security-Policy", "sandbox")
                    .header("Cache-Control", "private, no-transform");
            range.ifPresent(r -> ctx.header("Content-Range", "bytes " + r.offset() + "-" + r.last() + "/" + file.size()));
            long sent = headOnly ? 0 : copy(in, ctx, permit.bytesPerSecond());
            permit.finished(sent);
        } catch (BlobNotFoundException lost) {
            log.error("File {} cannot be downloaded: its stored bytes {} are missing (filehost check lists such files)",
                    file.id(), file.blobSha256());
            errors.render(ctx, 503, UNAVAILABLE);
        }
    }

    private long copy(ReadableByteChannel in, Context ctx, long bytesPerSecond) throws IOException {
        ThrottledOutput throttle = new ThrottledOutput(bytesPerSecond);
        // Jetty's stream sends a direct buffer as it is; a byte[] was copied twice more on the way to the socket.
        HttpOutput out = (HttpOutput) ctx.res().getOutputStream();
        ByteBuffer buffer = buffers.take();
        long sent = 0;
        while (fill(in, buffer)) {
            int n = buffer.remaining();
            out.write(buffer);
            downloadedBytes.increment(n);
            sent += n;
            throttle.pace(sent);
        }
        out.flush();
        // Only after a clean finish: a failed write may leave the buffer in Jetty's hands.
        buffers.give(buffer);
        return sent;
    }

    /** Reads until the buffer is full or the blob ends; false when nothing was left to read. */
    private static boolean fill(ReadableByteChannel in, ByteBuffer buffer) throws IOException {
        buffer.clear();
        while (buffer.hasRemaining() && in.read(buffer) >= 0) {
            // A store's stream may hand out less than asked; full buffers make fewer, larger writes.
        }
        buffer.flip();
        return buffer.hasRemaining();
    }
}
