package dev.filehost.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** A request body whose read failures are the client's doing: a disconnect or a malformed body. */
public final class ClientInput extends FilterInputStream {

    /** The client stopped sending, or sent something that could not be read. */
    public static final class ClientAbortException extends IOException {
        ClientAbortException(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    public ClientInput(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (ClientAbortException e) {
            throw e;
        } catch (IOException e) {
            throw new ClientAbortException(e);
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        try {
            return super.read(buffer, offset, length);
        } catch (ClientAbortException e) {
            throw e;
        } catch (IOException e) {
            throw new ClientAbortException(e);
        }
    }
}
