package dev.filehost.http;

import dev.filehost.core.ErrorKind;
import dev.filehost.core.RateLimiter;
import dev.filehost.core.Refusal;
import dev.filehost.http.multipart.MalformedMultipartException;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dispatches /api/v2/&lt;endpoint&gt;: method check, rate limits, parameters, the token check of
 * authenticated endpoints, and the envelope around whatever the handler answers. {@code C} is the
 * signed-in caller, as the {@link Authenticator} names it.
 */
public final class ApiRouter<C> {
    static final String UNKNOWN_ENDPOINT = "Could not find the requested API endpoint.";
    static final String WRONG_METHOD = "Request method not expected. Use GET or POST.";
    static final String INCOMPLETE_BODY = "Error uploading file. The upload was incomplete.";
    static final String SERVER_FAULT = "The server could not complete the request. Please try again later.";

    private static final Logger log = LoggerFactory.getLogger(ApiRouter.class);

    private record Route<C>(ApiHandler<C> handler, StreamingHandler<C> streaming, String fileField,
                            boolean authenticated) {
    }

    private final Map<String, Route<C>> routes = new HashMap<>();
    private final Authenticator<C> authenticator;
    private final ParamReader params;
    private final Envelope envelope;
    private final ClientAddress clientAddress;
    private final RateLimiter addressLimiter;
    private final RateLimiter tokenLimiter;
    private final UploadsBeforeSignIn beforeSignIn;
    private final boolean standardCodes;

    public ApiRouter(Authenticator<C> authenticator, ParamReader params, Envelope envelope, ClientAddress clientAddress,
                     RateLimiter addressLimiter, RateLimiter tokenLimiter, UploadsBeforeSignIn beforeSignIn,
                     boolean standardCodes) {
        this.authenticator = authenticator;
        this.params = params;
        this.envelope = envelope;
        this.clientAddress = clientAddress;
        this.addressLimiter = addressLimiter;
        this.tokenLimiter = tokenLimiter;
        this.beforeSignIn = beforeSignIn;
        this.standardCodes = standardCodes;
    }

    /** An endpoint anyone may call. */
    public ApiRouter<C> open(String endpoint, ApiHandler<C> handler) {
        routes.put(endpoint, new Route<>(handler, null, null, false));
        return this;
    }

    /** An endpoint that needs access_token and account_id. */
    public ApiRouter<C> authenticated(String endpoint, ApiHandler<C> handler) {
        routes.put(endpoint, new Route<>(handler, null, null, true));
        return this;
    }

    /**
     * An authenticated endpoint that streams the file part {@code fileField} of its body; its fields
     * may come in any order (see {@link StreamingCall}).
     */
    public ApiRouter<C> streaming(String endpoint, String fileField, StreamingHandler<C> handler) {
        routes.put(endpoint, new Route<>(null, handler, fileField, true));
        return this;
    }

    /** True when {@code endpoint} (e.g. {@code file/info}) has a route. */
    public boolean knows(String endpoint) {
        return routes.containsKey(endpoint);
    }

    public void handle(Context ctx, String endpoint) {
        try {
            send(ctx, 200, envelope.success(dispatch(ctx, endpoint)));
        } catch (Refusal e) {
            sendError(ctx, e);
        } catch (RuntimeException e) {
            log.error("API call {} {} from {} failed", ctx.method(), ctx.path(), ctx.req().getRemoteAddr(), e);
            sendError(ctx, new Refusal(ErrorKind.SERVER_FAULT, SERVER_FAULT));
        }
    }

    /** The envelope for a path no route matched. */
    public void sendUnknownEndpoint(Context ctx) {
        sendError(ctx, new Refusal(ErrorKind.UNKNOWN_ENDPOINT, UNKNOWN_ENDPOINT));
    }

    private ApiResult dispatch(Context ctx, String endpoint) {
        Route<C> route = routes.get(endpoint);
        if (route == null) {
            throw new Refusal(ErrorKind.UNKNOWN_ENDPOINT, UNKNOWN_ENDPOINT);
        }
        String method = ctx.method().name();
        if (!method.equals("GET") && !method.equals("POST")) {
            ctx.header("Allow", "GET, POST");
            throw new Refusal(ErrorKind.METHOD_NOT_ALLOWED, WRONG_METHOD);
        }
        String ip = clientAddress.of(ctx);
        throttle(addressLimiter, ip);
        if (route.streaming() != null) {
            return stream(ctx, route, ip);
        }
        if (route.authenticated()) {
            refuseWrongQueryCredentialsBeforeTheBody(ctx);
        }
        ApiParams values = params.read(ctx);
        C caller = route.authenticated() ? authenticate(ctx, values) : null;
        return route.handler().handle(new ApiCall<>(values, ip, caller));
    }

    private ApiResult stream(Context ctx, Route<C> route, String ip) {
        try (StreamingCall<C> call = begin(ctx, route, ip)) {
            return route.streaming().handle(call);
        } catch (Refusal e) {
            // The rest of a refused body is not worth reading: the connection ends with the answer.
            ctx.header("Connection", "close");
            throw e;
        } catch (ClientInput.ClientAbortException e) {
            log.debug("Client stopped sending to {}: {}", ctx.path(), e.getMessage());
            throw Refusal.badInput(INCOMPLETE_BODY);
        } catch (MalformedMultipartException e) {
            throw Refusal.badInput(ParamDecoder.MALFORMED);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private StreamingCall<C> begin(Context ctx, Route<C> route, String ip) throws java.io.IOException {
        if (!MultipartFields.isMultipart(ctx.contentType())) {
            return StreamingCall.withoutFile(params.read(ctx), ip, values -> authenticate(ctx, values));
        }
        return StreamingCall.begin(params.readQuery(ctx), ctx.contentType(), ctx.req()::getInputStream,
                ctx.req().getContentLengthLong(), ip, route.fileField(), values -> authenticate(ctx, values),
                beforeSignIn);
    }

    /**
     * Jetty answers "Expect: 100-continue" as soon as the body is first read; credentials the query
     * already carries are checked before that, so that a wrong token is refused without the client
     * sending its body. The full check follows once the body is read, as its values may override these.
     * Streaming calls need none of this: they sign in with the query's credentials before opening the body.
     */
    private void refuseWrongQueryCredentialsBeforeTheBody(Context ctx) {
        if (!"100-continue".equalsIgnoreCase(ctx.header("Expect"))) {
            return;
        }
        ApiParams query = params.readQuery(ctx);
        if (query.isPresent("access_token") && query.isPresent("account_id")) {
            authenticate(ctx, query);
        }
    }

    private C authenticate(Context ctx, ApiParams values) {
        String token = values.require("access_token");
        String accountId = values.require("account_id");
        throttle(tokenLimiter, token);
        return authenticator.authenticate(token, accountId);
    }

    private static void throttle(RateLimiter limiter, String key) {
        long wait = limiter.acquire(key);
        if (wait > 0) {
            throw Refusal.rateLimited(wait);
        }
    }

    private void sendError(Context ctx, Refusal e) {
        if (e.retryAfterSeconds() > 0) {
            ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
        }
        send(ctx, e.kind().httpStatus(standardCodes), envelope.error(e.getMessage()));
    }

    /**
     * Writes the body straight to the response: a result set with {@code ctx.result} would be
     * copied through a fresh 32 KiB buffer on every call.
     */
    private static void send(Context ctx, int status, byte[] body) {
        ctx.status(status).contentType("application/json");
        try {
            ctx.outputStream().write(body);
        } catch (java.io.IOException e) {
            log.debug("Client went away before the answer to {} was sent: {}", ctx.path(), e.getMessage());
        }
    }
}
