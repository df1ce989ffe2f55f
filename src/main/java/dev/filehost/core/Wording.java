package dev.filehost.core;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The API's texts for refusals whose words depend on the request, such as the parameter that named a
 * folder: services throw {@link Refusal#because} a reason, the endpoint runs them inside its wording.
 */
public final class Wording {
    private final Map<Refusal.Reason, String> texts;

    private Wording(Map<Refusal.Reason, String> texts) {
        this.texts = texts;
    }

    public static Wording of(Refusal.Reason reason, String text) {
        return new Wording(Map.of(reason, text));
    }

    public Wording and(Refusal.Reason reason, String text) {
        Map<Refusal.Reason, String> more = new HashMap<>(texts);
        more.put(reason, text);
        return new Wording(Map.copyOf(more));
    }

    /** The work's answer; a refusal for one of the reasons here leaves with this wording's text. */
    public <T> T around(Supplier<T> work) {
        try {
            return work.get();
        } catch (Refusal refusal) {
            String text = refusal.reason().map(texts::get).orElse(null);
            throw text == null ? refusal : refusal.worded(text);
        }
    }
}
