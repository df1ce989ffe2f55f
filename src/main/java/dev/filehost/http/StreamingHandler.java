package dev.filehost.http;

import java.io.IOException;

/** An endpoint that reads its own body as a stream, such as an upload. */
@FunctionalInterface
public interface StreamingHandler<C> {
    ApiResult handle(StreamingCall<C> call) throws IOException;
}
