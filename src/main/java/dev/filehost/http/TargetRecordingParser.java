package dev.filehost.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.http.HttpParser;

/**
 * Jetty's request parser, keeping the first bytes of each request: when the request line is too
 * long or malformed, Jetty hands the error handler a placeholder path, and these bytes still tell
 * whether the client was calling the API.
 */
final class TargetRecordingParser extends HttpParser {
    private static final int KEPT_BYTES = 64;

    private final byte[] head = new byte[KEPT_BYTES];
    private int kept;

    TargetRecordingParser(RequestHandler handler, int maxHeaderBytes, HttpCompliance compliance) {
        super(handler, maxHeaderBytes, compliance);
    }

    @Override
    public boolean parseNext(ByteBuffer buffer) {
        if (isStart()) {
            kept = 0;
        }
        if (kept < KEPT_BYTES) {
            int n = Math.min(KEPT_BYTES - kept, buffer.remaining());
            buffer.get(buffer.position(), head, kept, n);
            kept += n;
        }
        return super.parseNext(buffer);
    }

    /** The path of the request target as far as it arrived, without the query; empty before it. */
    String rawPath() {
        String line = new String(head, 0, kept, StandardCharsets.ISO_8859_1).stripLeading();
        int start = line.indexOf(' ') + 1;
        if (start == 0) {
            return "";
        }
        int end = start;
        while (end < line.length() && " ?#\r\n".indexOf(line.charAt(end)) < 0) {
            end++;
        }
        return line.substring(start, end);
    }
}
