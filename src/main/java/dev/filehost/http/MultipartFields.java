package dev.filehost.http;

import dev.filehost.http.multipart.MalformedMultipartException;
import dev.filehost.http.multipart.MultipartLimits;
import dev.filehost.http.multipart.MultipartParser;
import dev.filehost.http.multipart.Part;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;

/** The text fields of a multipart body; file parts are skipped, within a bound on the whole body. */
public final class MultipartFields {
    private static final int MAX_FIELD_BYTES = 64 * 1024;

    public void readInto(String contentType, InputStream body, Map<String, String> into) throws IOException {
        String boundary = MultipartParser.boundaryOf(contentType)
                .orElseThrow(() -> ApiException.badInput(ParamDecoder.MALFORMED));
        InputStream bounded = new LimitedInput(body, ParamReader.MAX_FORM_BYTES);
        try {
            MultipartParser parser = new MultipartParser(bounded, boundary, MultipartLimits.DEFAULTS);
            for (Optional<Part> part = parser.next(); part.isPresent(); part = parser.next()) {
                if (part.get().filename() == null) {
                    into.put(part.get().name(), ParamDecoder.trim(part.get().bodyAsString(MAX_FIELD_BYTES)));
                }
            }
        } catch (MalformedMultipartException e) {
            throw ApiException.badInput(ParamDecoder.MALFORMED);
        }
    }
}
