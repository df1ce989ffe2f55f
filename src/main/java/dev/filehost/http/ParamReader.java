package dev.filehost.http;

import dev.filehost.core.Refusal;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the parameters of a form call: the query string, then an urlencoded or multipart
 * body whose values override the query's, as PHP's $_REQUEST does.
 */
public final class ParamReader {
    static final int MAX_FORM_BYTES = 1 << 20;
    private static final long MAX_DRAINED_BYTES = 16L << 20;
    static final String TOO_LARGE = "Could not read the request parameters. The request body is too large.";

    private final MultipartFields multipartFields;

    public ParamReader(MultipartFields multipartFields) {
        this.multipartFields = multipartFields;
    }

    /** The query string's parameters alone, for endpoints that stream their body. */
    public ApiParams readQuery(Context ctx) {
        Map<String, String> values = new HashMap<>();
        ParamDecoder.decodeInto(ctx.queryString(), values);
        return new ApiParams(values);
    }

    public ApiParams read(Context ctx) {
        Map<String, String> values = new HashMap<>();
        ParamDecoder.decodeInto(ctx.queryString(), values);
        String contentType = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        try {
            if (contentType.startsWith("application/x-www-form-urlencoded")) {
                ParamDecoder.decodeInto(ParamDecoder.strictUtf8(
                        readBounded(ctx.req().getInputStream(), ctx.req().getContentLengthLong())), values);
            } else if (MultipartFields.isMultipart(contentType)) {
                multipartFields.readInto(ctx.contentType(), ctx.req().getInputStream(), values);
            }
        } catch (IOException e) {
            throw Refusal.badInput(ParamDecoder.MALFORMED);
        }
        return new ApiParams(values);
    }

    /** The body; a declared length sizes the buffer, which is otherwise 16 KiB at least. */
    private static byte[] readBounded(InputStream in, long declaredLength) throws IOException {
        if (declaredLength > MAX_FORM_BYTES) {
            throw refusedAsTooLarge(in, declaredLength);
        }
        byte[] body = declaredLength >= 0 ? readDeclared(in, (int) declaredLength) : in.readNBytes(MAX_FORM_BYTES + 1);
        if (body.length > MAX_FORM_BYTES) {
            throw refusedAsTooLarge(in, MAX_DRAINED_BYTES);
        }
        return body;
    }

    /**
     * Reads the rest of a body that is not too far over the limit before refusing it: a client
     * still sending would otherwise see its connection reset instead of the answer.
     */
    private static Refusal refusedAsTooLarge(InputStream in, long bodyBytes) throws IOException {
        if (bodyBytes <= MAX_DRAINED_BYTES) {
            byte[] scratch = new byte[16 * 1024];
            long left = bodyBytes;
            int n;
            while (left > 0 && (n = in.read(scratch, 0, (int) Math.min(scratch.length, left))) > 0) {
                left -= n;
            }
        }
        return Refusal.badInput(TOO_LARGE);
    }

    private static byte[] readDeclared(InputStream in, int length) throws IOException {
        byte[] body = new byte[length];
        int read = in.readNBytes(body, 0, length);
        if (read < length) {
            throw new IOException("the body ended after " + read + " of " + length + " bytes");
        }
        return body;
    }
}
