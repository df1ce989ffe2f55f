package dev.filehost.http;

import dev.filehost.core.Refusal;
import java.util.Map;
import java.util.Optional;

/** The request's parameters (query string and body together, body winning), already trimmed. */
public final class ApiParams {
    private final Map<String, String> values;

    public ApiParams(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** The value, or empty when absent or blank. */
    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name)).filter(v -> !v.isEmpty());
    }

    /** The value, or the error envelope with {@code missingMessage}. */
    public String require(String name) {
        return get(name).orElseThrow(() -> Refusal.missingParam(name));
    }

    /** As {@link #require(String)}, with the endpoint's own message. */
    public String require(String name, String missingMessage) {
        return get(name).orElseThrow(() -> Refusal.badInput(missingMessage));
    }

    /** The value of a parameter that must be sent, though it may be blank; else the error envelope. */
    public String requireSent(String name) {
        if (!isPresent(name)) {
            throw Refusal.missingParam(name);
        }
        return values.get(name);
    }

    public Map<String, String> asMap() {
        return values;
    }

    /** True when the parameter was sent at all, even blank. */
    public boolean isPresent(String name) {
        return values.containsKey(name);
    }
}
