package dev.filehost.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.ExceptionHandler;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import java.time.Duration;
import java.util.List;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;

/** The Jetty server behind Javalin: virtual threads, the API and page routes, and their 404s. */
public final class HttpServer {
    private static final List<HandlerType> API_METHODS = List.of(HandlerType.GET, HandlerType.POST,
            HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE, HandlerType.OPTIONS);
    private static final String API_PREFIX = "/api/v2/";
    private static final String API_ROUTE = API_PREFIX + "<endpoint>";
    /**
     * Jetty reads request bytes 8 KiB at a time unless told otherwise: 131,000 read calls for a
     * 1 GiB upload. With 64 KiB, eight times fewer, single uploads ran 10 % faster (see bench/README.md).
     * Jetty holds the buffer only while a connection has unread bytes.
     */
    private static final int READ_BUFFER_BYTES = 64 * 1024;

    private final Javalin javalin;

    /**
     * Where the server listens.
     *
     * @param stopGrace how long a stop waits for requests in progress (uploads, downloads) to finish
     *                  after it stops accepting new connections
     */
    public record Listening(String host, int port, Duration stopGrace) {
    }

    /**
     * What the server answers.
     *
     * @param apiRoutes      routes under /api, added before the API's /api/v2/&lt;endpoint&gt; so that
     *                       they answer their paths (/api/v2/openapi.json, /api/v2/tus/...)
     * @param web            the page routes, in the order they are matched
     * @param pageEntrance   what every request a route matched outside /api/v2 passes first: it answers the
     *                       request itself and skips the route when the site turns the visitor away
     * @param pageNotFound   what a path no route matched answers outside the API
     * @param pageFault      what a page route that throws answers (the API answers its own faults)
     * @param protocolErrors what Jetty answers to a request it cannot parse
     * @param requests       told of every finished request
     */
    public record Routes(ApiRouter<?> api, List<WebRoutes> apiRoutes, List<WebRoutes> web, Handler pageEntrance,
                         Handler pageNotFound,
                         ExceptionHandler<Exception> pageFault, ProtocolErrors protocolErrors,
                         RequestListener requests) {
    }

    public HttpServer(Listening listening, Routes routes) {
        ApiRouter<?> api = routes.api();
        this.javalin = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.concurrency.useVirtualThreads = true;
            config.jetty.addConnector((server, http) -> {
                ServerConnector connector = new ServerConnector(server, new RecordingConnectionFactory(http));
                connector.setHost(listening.host());
                connector.setPort(listening.port());
                return connector;
            });
            config.jetty.modifyHttpConfiguration(http -> http.setInputBufferSize(READ_BUFFER_BYTES));
            config.jetty.modifyServer(server -> {
                server.setErrorHandler(routes.protocolErrors());
                server.setStopTimeout(listening.stopGrace().toMillis());
                server.insertHandler(new GracefulHandler());
            });
            // Javalin takes the first route that matches, in the order they were added.
            routes.apiRoutes().forEach(group -> group.register(config.routes));
            for (HandlerType method : API_METHODS) {
                config.routes.addHttpHandler(method, API_ROUTE,
                        ctx -> api.handle(ctx, stripSlashes(ctx.pathParam("endpoint"))));
                config.routes.addHttpHandler(method, "/api/v2", api::sendUnknownEndpoint);
            }
            config.routes.beforeMatched(ctx -> {
                if (!isApiPath(ctx.path())) {
                    routes.pageEntrance().handle(ctx);
                }
            });
            routes.web().forEach(group -> group.register(config.routes));
            // Javalin keeps its own answers to HttpResponseException (a 413 for a form too large, ...).
            config.routes.exception(Exception.class, routes.pageFault());
            config.requestLogger.http((ctx, millis) ->
                    routes.requests().finished(ctx.method().name(), routeOf(ctx, api), ctx.statusCode(), millis));
            config.routes.error(404, ctx -> {
                boolean apiPath = isApiPath(ctx.path());
                if (apiPath && ctx.endpoints().lastHttpEndpoint() != null) {
                    // An API route answered 404 itself (an unknown endpoint, or a standard status code).
                    return;
                }
                if (apiPath) {
                    api.sendUnknownEndpoint(ctx);
                } else if (ctx.endpoints().lastHttpEndpoint() == null
                        || !String.valueOf(ctx.res().getContentType()).startsWith("text/html")) {
                    // No route matched (Javalin answers in plain text, or in its own HTML to a browser):
                    // pages that answer 404 send their own HTML.
                    routes.pageNotFound().handle(ctx);
                }
            });
        });
    }

    static boolean isApiPath(String path) {
        return path.startsWith(API_PREFIX) || path.equals("/api/v2");
    }

    /**
     * The matched route template, also of a request the page entrance turned away; for the API, the endpoint
     * when it is one, else a placeholder.
     */
    private static String routeOf(Context ctx, ApiRouter<?> api) {
        Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
        if (matched == null) {
            return "NOT_FOUND";
        }
        if (matched.path.equals(API_ROUTE)) {
            String endpoint = stripSlashes(ctx.pathParam("endpoint"));
            return API_PREFIX + (api.knows(endpoint) ? endpoint : "<unknown>");
        }
        return matched.path;
    }

    private static String stripSlashes(String endpoint) {
        int end = endpoint.length();
        while (end > 0 && endpoint.charAt(end - 1) == '/') {
            end--;
        }
        return endpoint.substring(0, end);
    }

    public void start() {
        javalin.start();
    }

    public int port() {
        return javalin.port();
    }

    public void stop() {
        javalin.stop();
    }
}
