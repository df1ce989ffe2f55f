package dev.filehost.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's error handler: answers what Jetty refuses before any route runs (a malformed request
 * line, a URL or headers too long) with the JSON envelope on API paths and the site's error page
 * elsewhere, never Jetty's own HTML.
 */
public final class ProtocolErrors implements Request.Handler {
    static final String MALFORMED = "The request is malformed.";
    static final String URL_TOO_LONG = "The request URL is too long.";
    static final String HEADERS_TOO_LARGE = "The request headers are too large.";

    /** The site's error page for a status. */
    @FunctionalInterface
    public interface Pages {
        HtmlPage page(int status, String message);
    }

    private final Envelope envelope;
    private final Pages pages;

    public ProtocolErrors(Envelope envelope, Pages pages) {
        this.envelope = envelope;
        this.pages = pages;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = request.getAttribute(ErrorHandler.ERROR_STATUS) instanceof Integer code ? code : 500;
        String message = messageFor(status);
        byte[] body;
        if (isApi(request)) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            body = envelope.error(message);
        } else {
            HtmlPage page = pages.page(status, message);
            page.headers().forEach(response.getHeaders()::put);
            body = page.html().getBytes(StandardCharsets.UTF_8);
        }
        response.setStatus(status);
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }

    private static String messageFor(int status) {
        return switch (status) {
            case HttpStatus.BAD_REQUEST_400 -> MALFORMED;
            case HttpStatus.URI_TOO_LONG_414 -> URL_TOO_LONG;
            case HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE_431 -> HEADERS_TOO_LARGE;
            case HttpStatus.INTERNAL_SERVER_ERROR_500 -> ApiRouter.SERVER_FAULT;
            default -> HttpStatus.getMessage(status) + ".";
        };
    }

    /** By the target as the client sent it: Jetty's parsed one is a placeholder when the line did not parse. */
    private static boolean isApi(Request request) {
        return request.getConnectionMetaData().getConnection() instanceof HttpConnection connection
                && connection.getParser() instanceof TargetRecordingParser parser
                && HttpServer.isApiPath(parser.rawPath());
    }
}
