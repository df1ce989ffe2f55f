package dev.filehost.http;

import dev.filehost.core.ErrorKind;
import dev.filehost.core.Refusal;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Bounds the uploads whose file arrives before access_token and account_id: until the caller is known
 * their bytes could fill the disk for anyone. Each may bring at most {@code maxBytes} of body before
 * its credentials, and one address may have at most {@code perAddress} of them in flight (0: none).
 * A guest's upload (a visitor without an account) is never known by an account: it counts against the
 * same {@code perAddress} while its bytes flow, its size bounded by the Guest package instead.
 */
public final class UploadsBeforeSignIn {
    static final String TOO_LARGE = "The file is too large to be sent before the access_token and account_id "
            + "params. Please send them before the file.";
    static final String TOO_MANY = "Too many uploads from your address are waiting for their access_token and "
            + "account_id params. Please send them before the file, or wait for the other uploads to finish.";
    static final String TOO_MANY_GUEST = "Too many uploads from your address are in progress. "
            + "Please wait for one to finish and try again.";

    private final LongSupplier maxBytes;
    private final int perAddress;
    private final AddressSlots slots;

    /** Counts the uploads in flight per address, wherever they run. */
    @FunctionalInterface
    public interface AddressSlots {
        /** A slot, or empty when {@code address} already has {@code max} uploads waiting. */
        Optional<Held> tryAcquire(String address, int max);
    }

    /** A slot held until the call ends. */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    public UploadsBeforeSignIn(LongSupplier maxBytes, int perAddress, AddressSlots slots) {
        this.maxBytes = maxBytes;
        this.perAddress = perAddress;
        this.slots = slots;
    }

    /**
     * Lets a file start before its credentials, with the body it may still bring: refused when the
     * address is at its limit, or when the body's declared length (-1: unknown) is past the bound.
     */
    Held admit(String address, long declaredLength, BoundedBody body) {
        long max = maxBytes.getAsLong();
        if (declaredLength > max) {
            throw tooLarge();
        }
        Held held = addressSlot(address, TOO_MANY);
        body.limitTo(max, UploadsBeforeSignIn::tooLarge);
        return held;
    }

    /** Lets a guest's bytes flow, held until they end: refused when the address is at its limit. */
    public Held admitGuest(String address) {
        return addressSlot(address, TOO_MANY_GUEST);
    }

    private Held addressSlot(String address, String refusal) {
        Held held = perAddress <= 0 ? null : slots.tryAcquire(address, perAddress).orElse(null);
        if (held == null) {
            throw new Refusal(ErrorKind.FORBIDDEN, refusal);
        }
        return held;
    }

    private static Refusal tooLarge() {
        return new Refusal(ErrorKind.FORBIDDEN, TOO_LARGE);
    }
}
