package dev.filehost.urlimport;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeoutException;

/**
 * The bytes of a remote file as they arrive; a transfer that breaks off fails with a
 * {@link BrokenTransferException} whose message is fit for the item's notes (the HTTP client's own
 * messages dump connection internals).
 */
final class RemoteBody extends FilterInputStream {
    static final String CLOSED = "The remote server closed the connection before the whole file arrived.";
    static final String STALLED = "The remote server stopped sending before the whole file arrived.";

    RemoteBody(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (IOException e) {
            throw broken(e);
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        try {
            return super.read(buffer, offset, length);
        } catch (IOException e) {
            throw broken(e);
        }
    }

    private static BrokenTransferException broken(IOException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException || cause instanceof java.net.SocketTimeoutException) {
                return new BrokenTransferException(STALLED, e);
            }
        }
        return new BrokenTransferException(CLOSED, e);
    }

    /** The remote side broke the transfer off; the message says so in one sentence, the cause has the detail. */
    static final class BrokenTransferException extends IOException {
        BrokenTransferException(String note, IOException cause) {
            super(note, cause);
        }
    }
}
