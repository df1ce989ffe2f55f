package dev.filehost.http;

import io.javalin.config.RoutesConfig;

/** A group of non-API routes (public pages, downloads) added to the server at start. */
@FunctionalInterface
public interface WebRoutes {
    void register(RoutesConfig routes);
}
