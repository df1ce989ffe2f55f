package dev.filehost.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class YesNoTest {

    @ParameterizedTest
    @ValueSource(strings = {"true", "yes", "on", "1", "TRUE", "Yes", "ON"})
    void yesWords(String word) {
        assertThat(YesNo.parse(word)).hasValue(true);
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", "no", "off", "0", "FALSE", "No"})
    void noWords(String word) {
        assertThat(YesNo.parse(word)).hasValue(false);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2", "y", "enabled", "truee"})
    void anythingElseIsNeither(String word) {
        assertThat(YesNo.parse(word)).isEmpty();
    }
}
