package dev.filehost.http;

import dev.filehost.core.Refusal;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the parameters of a form call: the query string, then an urlencoded or multipart
 * body whose values override the query's, as PHP's $_REQUEST does.
 */
public final class ParamReader {

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
        boolean urlencoded = contentType.startsWith("application/x-www-form-urlencoded");
        if (!urlencoded && !MultipartFields.isMultipart(contentType)) {
            return new ApiParams(values);
        }
        BoundedBody body = null;
        try {
            body = BoundedBody.of(ctx.req().getInputStream(), ctx.req().getContentLengthLong());
            if (urlencoded) {
                ParamDecoder.decodeInto(ParamDecoder.strictUtf8(body.readAllBytes()), values);
            } else {
                MultipartFields.readInto(ctx.contentType(), body, values);
            }
        } catch (Refusal e) {
            if (body != null) {
                body.drainRest();
            }
            // Whatever is still unread of the body is not worth reading: the connection ends with the answer.
            ctx.header("Connection", "close");
            throw e;
        } catch (IOException e) {
            throw Refusal.badInput(ParamDecoder.MALFORMED);
        }
        return new ApiParams(values);
    }
}
