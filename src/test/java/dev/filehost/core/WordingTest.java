package dev.filehost.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WordingTest {
    private enum Problem implements Refusal.Reason {
        GONE;

        @Override
        public ErrorKind kind() {
            return ErrorKind.NOT_FOUND;
        }

        @Override
        public String text() {
            return "It is gone.";
        }
    }

    private final Wording wording = Wording.of(Problem.GONE, "Could not find the thing defined by thing_id.");

    @Test
    void aRefusalForTheReasonLeavesWithTheGivenTextAndItsKind() {
        assertThatThrownBy(() -> wording.around(() -> {
            throw Refusal.because(Problem.GONE);
        }))
                .isInstanceOfSatisfying(Refusal.class, refusal -> {
                    assertThat(refusal.kind()).isEqualTo(ErrorKind.NOT_FOUND);
                    assertThat(refusal.reason()).contains(Problem.GONE);
                })
                .hasMessage("Could not find the thing defined by thing_id.");
    }

    @Test
    void otherRefusalsAndAnswersPassUnchanged() {
        Refusal other = Refusal.badInput("Please provide the thing param.");

        assertThatThrownBy(() -> wording.around(() -> {
            throw other;
        })).isSameAs(other);
        assertThat(wording.around(() -> "answer")).isEqualTo("answer");
        assertThat(Refusal.because(Problem.GONE)).hasMessage("It is gone.");
    }
}
