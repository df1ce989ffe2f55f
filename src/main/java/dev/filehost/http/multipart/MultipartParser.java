package dev.filehost.http.multipart;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;

/**
 * Streaming pull parser for multipart/form-data request bodies (RFC 7578). Reads each byte of the
 * body once, in memory bounded by {@link MultipartLimits}, however large the parts are.
 *
 * <p>Not thread-safe. Preamble and epilogue are ignored; the stream is not read past the closing
 * boundary. A body that ends before the closing boundary fails with
 * {@link MalformedMultipartException}, so a truncated upload is never taken for a complete one;
 * I/O errors of the underlying stream propagate unchanged.
 */
public final class MultipartParser {

    private static final int MIN_BUFFER_SIZE = 64 * 1024;

    private final DelimitedInput input;
    private final MultipartLimits limits;
    private PartBody currentBody;
    private int partCount;
    private boolean finished;

    /** @throws MalformedMultipartException if the boundary is empty, too long or has illegal characters */
    public MultipartParser(InputStream body, String boundary, MultipartLimits limits)
            throws MalformedMultipartException {
        this(body, Boundary.of(boundary)
                .orElseThrow(() -> new MalformedMultipartException("invalid multipart boundary")), limits);
    }

    private MultipartParser(InputStream body, Boundary boundary, MultipartLimits limits) {
        Objects.requireNonNull(body, "body");
        this.limits = Objects.requireNonNull(limits, "limits");
        // A header block must fit into the buffer in one piece.
        int bufferSize = Math.max(MIN_BUFFER_SIZE, limits.maxHeaderBytes() + 1);
        this.input = new DelimitedInput(body, boundary, bufferSize);
    }

    /** @throws MalformedMultipartException if the header is not multipart/form-data with a valid boundary */
    public static MultipartParser forContentType(InputStream body, String contentTypeHeader, MultipartLimits limits)
            throws MalformedMultipartException {
        Boundary boundary = Boundary.fromContentType(contentTypeHeader).orElseThrow(() ->
                new MalformedMultipartException("Content-Type is not multipart/form-data with a valid boundary"));
        return new MultipartParser(body, boundary, limits);
    }

    /**
     * The boundary of a {@code multipart/form-data} Content-Type header, quoted or not; empty if the
     * header is another type, lacks a boundary, or the boundary is empty, over 70 characters or
     * contains characters RFC 2046 forbids.
     */
    public static Optional<String> boundaryOf(String contentTypeHeader) {
        return Boundary.fromContentType(contentTypeHeader).map(Boundary::value);
    }

    /**
     * Advances to the next part, skipping whatever the caller left unread of the previous one.
     *
     * @return the next part, or empty once the closing boundary has been read
     */
    public Optional<Part> next() throws IOException {
        if (finished) {
            return Optional.empty();
        }
        if (currentBody != null) {
            currentBody.detach();
        }
        input.skipSection();
        if (input.consumeDelimiter()) {
            finished = true;
            return Optional.empty();
        }
        if (++partCount > limits.maxParts()) {
            throw new MalformedMultipartException("body has more than " + limits.maxParts() + " parts");
        }
        PartHeaders headers = PartHeaders.parse(input.readHeaderBlock(limits.maxHeaderBytes()));
        currentBody = new PartBody(input);
        return Optional.of(new Part(headers, currentBody));
    }
}
