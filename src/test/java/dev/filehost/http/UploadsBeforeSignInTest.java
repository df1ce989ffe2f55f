package dev.filehost.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.filehost.core.Refusal;
import java.io.ByteArrayInputStream;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The bounds on an upload whose file comes before its credentials, as the body is read. */
class UploadsBeforeSignInTest {
    private final AtomicInteger held = new AtomicInteger();
    private final UploadsBeforeSignIn bounds = new UploadsBeforeSignIn(() -> 1000, 1, (address, max) -> {
        if (held.get() >= max) {
            return Optional.empty();
        }
        held.incrementAndGet();
        return Optional.of(held::decrementAndGet);
    });

    private static BoundedBody body(int bytes) {
        return BoundedBody.streaming(new ByteArrayInputStream(new byte[bytes]));
    }

    @Test
    void aBodyOfUnknownLengthIsRefusedOnceItReadsPastTheBound() throws Exception {
        BoundedBody body = body(5000);
        try (UploadsBeforeSignIn.Held slot = bounds.admit("192.0.2.1", -1, body)) {
            assertThat(body.readNBytes(1000)).hasSize(1000);
            assertThatThrownBy(body::read).isInstanceOf(Refusal.class).hasMessage(UploadsBeforeSignIn.TOO_LARGE);
        }
    }

    @Test
    void signingInLiftsTheBound() throws Exception {
        BoundedBody body = body(5000);
        try (UploadsBeforeSignIn.Held slot = bounds.admit("192.0.2.1", -1, body)) {
            body.lift();
            assertThat(body.readAllBytes()).hasSize(5000);
        }
    }

    @Test
    void anAddressAtItsLimitIsRefusedUntilASlotIsGivenBack() {
        UploadsBeforeSignIn.Held first = bounds.admit("192.0.2.1", 10, body(0));

        assertThatThrownBy(() -> bounds.admit("192.0.2.1", 10, body(0))).hasMessage(UploadsBeforeSignIn.TOO_MANY);
        first.close();
        bounds.admit("192.0.2.1", 10, body(0)).close();
        assertThat(held).hasValue(0);
    }

    @Test
    void aGuestsUploadCountsAgainstTheAddressesUploadsBeforeSignIn() {
        UploadsBeforeSignIn.Held fileFirst = bounds.admit("192.0.2.1", 10, body(0));

        assertThatThrownBy(() -> bounds.admitGuest("192.0.2.1")).hasMessage(UploadsBeforeSignIn.TOO_MANY_GUEST);
        fileFirst.close();
        UploadsBeforeSignIn.Held guest = bounds.admitGuest("192.0.2.1");
        assertThatThrownBy(() -> bounds.admit("192.0.2.1", 10, body(0))).hasMessage(UploadsBeforeSignIn.TOO_MANY);
        guest.close();
        assertThat(held).hasValue(0);
    }

    @Test
    void aDeclaredLengthPastTheBoundIsRefusedBeforeASlotIsTaken() {
        assertThatThrownBy(() -> bounds.admit("192.0.2.1", 1001, body(0))).hasMessage(UploadsBeforeSignIn.TOO_LARGE);
        assertThat(held).hasValue(0);
    }

    @Test
    void beforeTheFileTheFieldsMayTakeWhatAFormBodyMay() throws Exception {
        BoundedBody body = body(BoundedBody.MAX_BYTES + 1);

        assertThat(body.readNBytes(BoundedBody.MAX_BYTES)).hasSize(BoundedBody.MAX_BYTES);
        assertThatThrownBy(body::read).isInstanceOf(Refusal.class).hasMessage(BoundedBody.TOO_LARGE);
    }
}
