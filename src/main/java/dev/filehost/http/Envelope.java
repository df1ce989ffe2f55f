package dev.filehost.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.RawValue;
import java.util.LinkedHashMap;
import java.util.Map;

/** The one builder of API bodies: the endpoint's keys, then _status and _datetime. */
public final class Envelope {
    private final ObjectMapper json;
    private final ApiDates dates;

    public Envelope(ApiDates dates) {
        this.json = new ObjectMapper(JsonFactory.builder()
                // Jackson's default pool is per thread; each request runs on a new virtual thread.
                .recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool())
                .build());
        this.dates = dates;
    }

    public byte[] success(ApiResult result) {
        Map<String, Object> body = new LinkedHashMap<>(result.fields());
        body.put("_status", "success");
        body.put("_datetime", dates.now());
        return write(body);
    }

    public byte[] error(String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "error");
        body.put("response", message);
        body.put("_status", "error");
        body.put("_datetime", dates.now());
        return write(body);
    }

    /**
     * An answer's value written as JSON once, to be answered as it is again and again ({@link #asWritten}):
     * its UTF-8 bytes are made now and copied into each answer whole.
     */
    public SerializedString prewritten(Object value) {
        try {
            SerializedString written = new SerializedString(json.writeValueAsString(value));
            written.asUnquotedUTF8();
            return written;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("API values are plain maps, lists and strings", e);
        }
    }

    /** A value {@link #prewritten} before, in an answer. */
    public static RawValue asWritten(SerializedString json) {
        return new RawValue(json);
    }

    /** About what a {@link #prewritten} value takes in memory: its text and its bytes. */
    public static int bytesOf(SerializedString json) {
        return json.charLength() * 2;
    }

    private byte[] write(Map<String, Object> body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("API values are plain maps, lists and strings", e);
        }
    }
}
