package dev.filehost.http.multipart;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;

/** A part's content: the section of the body up to, not including, the CRLF before the next boundary. */
final class PartBody extends InputStream {

    private final DelimitedInput input;
    private final byte[] singleByte = new byte[1];
    private boolean detached;

    PartBody(DelimitedInput input) {
        this.input = input;
    }

    /** Called when the parser moves past this part; the body then reads as exhausted. */
    void detach() {
        detached = true;
    }

    @Override
    public int read() throws IOException {
        return read(singleByte, 0, 1) < 0 ? -1 : singleByte[0] & 0xFF;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, target.length);
        if (length == 0) {
            return 0;
        }
        return detached ? -1 : input.read(target, offset, length);
    }

    @Override
    public long transferTo(OutputStream out) throws IOException {
        Objects.requireNonNull(out, "out");
        return detached ? 0 : input.transferSectionTo(out);
    }

    @Override
    public int available() {
        return detached ? 0 : input.sectionBytesBuffered();
    }
}
