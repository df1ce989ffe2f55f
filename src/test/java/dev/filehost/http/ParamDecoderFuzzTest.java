package dev.filehost.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.filehost.core.ErrorKind;
import dev.filehost.core.Refusal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Fuzzes the form decoder. In a normal build the committed inputs under
 * {@code ParamDecoderFuzzTestInputs/} run as regression tests; {@code JAZZER_FUZZ=1} fuzzes.
 */
class ParamDecoderFuzzTest {

    /** Any text decodes into no more than it held, trimmed, or is refused with a bad-input envelope. */
    @FuzzTest
    void anyQueryDecodesOrIsRefused(FuzzedDataProvider data) {
        String encoded = data.consumeRemainingAsString();
        Map<String, String> decoded = new HashMap<>();
        try {
            ParamDecoder.decodeInto(encoded, decoded);
        } catch (Refusal refused) {
            assertRefusedAsBadInput(refused);
            return;
        }
        int length = decoded.entrySet().stream().mapToInt(e -> e.getKey().length() + e.getValue().length()).sum();
        assertThat(length).isLessThanOrEqualTo(encoded.length());
        assertThat(decoded.values()).allSatisfy(value -> assertThat(ParamDecoder.trim(value)).isEqualTo(value));
    }

    /** Bytes are read as UTF-8 exactly when they are UTF-8. */
    @FuzzTest
    void bytesAreReadAsUtf8OrRefused(FuzzedDataProvider data) {
        byte[] bytes = data.consumeRemainingAsBytes();
        String text;
        try {
            text = ParamDecoder.strictUtf8(bytes);
        } catch (Refusal refused) {
            assertRefusedAsBadInput(refused);
            return;
        }
        assertThat(text.getBytes(StandardCharsets.UTF_8)).isEqualTo(bytes);
    }

    /** What a client encodes decodes back to the same names and (trimmed) values. */
    @FuzzTest
    void encodedFormsRoundTrip(FuzzedDataProvider data) {
        Map<String, String> sent = new LinkedHashMap<>();
        int count = data.consumeInt(0, 10);
        for (int i = 0; i < count; i++) {
            sent.put("p" + data.consumeString(30), data.consumeString(200));
        }
        if (!sent.values().stream().allMatch(ParamDecoderFuzzTest::isEncodable)
                || !sent.keySet().stream().allMatch(ParamDecoderFuzzTest::isEncodable)) {
            return;
        }
        String encoded = sent.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));

        Map<String, String> decoded = new HashMap<>();
        ParamDecoder.decodeInto(encoded, decoded);

        Map<String, String> expected = new HashMap<>();
        sent.forEach((name, value) -> expected.put(name, ParamDecoder.trim(value)));
        assertThat(decoded).isEqualTo(expected);
    }

    private static boolean isEncodable(String text) {
        return StandardCharsets.UTF_8.newEncoder().canEncode(text);
    }

    private static void assertRefusedAsBadInput(Refusal refused) {
        assertThat(refused.kind()).isEqualTo(ErrorKind.BAD_INPUT);
        assertThat(refused.getMessage()).isIn(ParamDecoder.MALFORMED, ParamDecoder.NOT_UTF8);
    }
}
