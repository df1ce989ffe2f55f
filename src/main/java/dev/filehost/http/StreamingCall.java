package dev.filehost.http;

import java.io.InputStream;
import java.util.function.Function;

/**
 * What a streaming handler gets: the query parameters, the body as it arrives (its declared
 * length, -1 when unknown), and the sign-in check to apply once the body has given its
 * access_token and account_id.
 */
public record StreamingCall<C>(ApiParams query, String clientIp, String contentType, long contentLength,
                            InputStream body, Function<ApiParams, C> signIn) {
}
