package dev.filehost.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The keys an endpoint answers with, in order, before the envelope adds its own. */
public final class ApiResult {
    private final Map<String, Object> fields = new LinkedHashMap<>();

    private ApiResult() {
    }

    public static ApiResult data(Object data) {
        return new ApiResult().with("data", data);
    }

    public static ApiResult message(String response) {
        return new ApiResult().with("response", response);
    }

    public ApiResult with(String key, Object value) {
        fields.put(key, value);
        return this;
    }

    Map<String, Object> fields() {
        return Collections.unmodifiableMap(fields);
    }
}
