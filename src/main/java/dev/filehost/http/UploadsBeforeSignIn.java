package dev.filehost.http;

import dev.filehost.core.ErrorKind;
import dev.filehost.core.Refusal;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Bounds the uploads whose file arrives before access_token and account_id: until the caller is known
 * their bytes could fill the disk for anyone. Each may bring at most {@code maxBytes} of body before
 * its credentials, and one address may have at most {@code perAddress} of them in flight (0: none).
 */
public final class UploadsBeforeSignIn {
    static final String TOO_LARGE = "The file is too large to be sent before the access_token and account_id "
            + "params. Please send them before the file.";
    static final String TOO_MANY = "Too many uploads from your address are waiting for their access_token and "
            + "account_id params. Please send them before the file, or wait for the other uploads to finish.";

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
    Held admit(String address, long declaredLength, CountedBody body) {
        long max = maxBytes.getAsLong();
        if (declaredLength > max) {
            throw tooLarge();
        }
        Held held = perAddress <= 0 ? null : slots.tryAcquire(address, perAddress).orElse(null);
        if (held == null) {
            throw new Refusal(ErrorKind.FORBIDDEN, TOO_MANY);
        }
        body.limitTo(max, UploadsBeforeSignIn::tooLarge);
        return held;
    }

    private static Refusal tooLarge() {
        return new Refusal(ErrorKind.FORBIDDEN, TOO_LARGE);
    }

    /**
     * A request body that counts what is read of it while the caller is unknown: at first only as much as
     * a form's fields take, then what {@link #admit} allows a file, without a bound once the caller is known.
     */
    static final class CountedBody extends FilterInputStream {
        private long limit = BoundedBody.MAX_BYTES;
        private Supplier<Refusal> refusal = () -> Refusal.badInput(BoundedBody.TOO_LARGE);
        private long read;

        CountedBody(InputStream in) {
            super(in);
        }

        void limitTo(long bytes, Supplier<Refusal> past) {
            limit = bytes;
            refusal = past;
        }

        /** The caller is known: the package's limits take over. */
        void lift() {
            limit = Long.MAX_VALUE;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            read += Math.max(n, 0);
            if (read > limit) {
                throw refusal.get();
            }
            return n;
        }
    }
}
